package api

import (
	"crypto/tls"
	"crypto/x509"
	"errors"
)

// certificateHint names the fixes for a certificate the system does not
// trust; they are the same whichever check failed.
const certificateHint = "if the server uses a private CA, point SSL_CERT_FILE at that CA's PEM bundle (or add it to the system CA bundle); --insecure skips the check, with a warning each time"

// isCertificateError reports whether the TLS handshake failed on the
// server's certificate. It is never retried: the same certificate comes
// back on every attempt.
func isCertificateError(err error) bool {
	var (
		verify   *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
	)
	return errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &hostname) || errors.As(err, &invalid)
}

// describeCertificateError says which check failed, in a user's words.
func describeCertificateError(err error) string {
	var (
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
	)
	switch {
	case errors.As(err, &hostname):
		return "the server's TLS certificate is for another name (" + hostname.Error() + "): check the host in CHATWOOT_URL"
	case errors.As(err, &invalid) && invalid.Reason == x509.Expired:
		return "the server's TLS certificate has expired or is not yet valid (" + invalid.Error() + ")"
	}
	return "the server's TLS certificate is not trusted (" + rootCause(err).Error() + ")"
}

// rootCause is the innermost wrapped error, without the URL and method
// prefixes net/http adds (the NetworkError names those itself).
func rootCause(err error) error {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err
		}
		err = next
	}
}

// permanent errors end Do at once, whatever the retry policy says.
func permanent(err error) bool { return isRedirect(err) || isCertificateError(err) }
