package webhooks

// Internals the external tests of this package reach.
var CompactLine = compactLine
var FindWebhookSample = findWebhookSample
var ObjectMembers = objectMembers
var WebhookSampleNames = webhookSampleNames
var WebhookSamples = webhookSamples
