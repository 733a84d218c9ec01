package api

// Internals the external tests of this package reach.
type OperationRow = operationRow

var OperationRows = operationRows
