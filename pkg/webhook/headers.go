package webhook

// Header names Chatwoot sets on a webhook delivery.
const (
	// HeaderSignature carries "sha256=" followed by the hex HMAC-SHA256.
	HeaderSignature = "X-Chatwoot-Signature"
	// HeaderTimestamp carries the signing time in unix seconds.
	HeaderTimestamp = "X-Chatwoot-Timestamp"
	// HeaderDelivery carries a UUID that stays the same across retries,
	// so receivers can drop duplicates.
	HeaderDelivery = "X-Chatwoot-Delivery"
)

// SignaturePrefix precedes the hex digest in HeaderSignature.
const SignaturePrefix = "sha256="
