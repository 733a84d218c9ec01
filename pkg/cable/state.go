package cable

import "time"

// Phase is where a listener is in its connection's life.
type Phase int

// Phases reported through Dialer.OnState.
const (
	Connecting   Phase = iota + 1 // dialling and subscribing
	Subscribed                    // confirm_subscription received; events flow
	Reconnecting                  // the link dropped; waiting Delay before Attempt
)

func (p Phase) String() string {
	switch p {
	case Connecting:
		return "connecting"
	case Subscribed:
		return "subscribed"
	case Reconnecting:
		return "reconnecting"
	}
	return "unknown"
}

// State is one change of Phase. Attempt counts reconnection attempts since
// the last successful subscription; Err is why the link dropped.
type State struct {
	Phase   Phase
	Attempt int
	Delay   time.Duration
	Err     error
}
