package bulk

// Internals the external tests of this package reach.
var SetField = setField
