package market

import "errors"

// Code classifies an Error for whoever reports it: the CLI maps it to an exit code, the server to
// an HTTP status, each in one place.
type Code string

const (
	// Invalid: the question is malformed or names something that does not exist as asked (an
	// unknown market, country or date), and asking again the same way will fail the same way.
	Invalid Code = "invalid"
	// NotFound: the question is well formed but nothing answers it (no ads cite the term, no store
	// at the path).
	NotFound Code = "not_found"
	// Conflict: the request clashes with the state of the store (a write another writer overtook).
	Conflict Code = "conflict"
	// Unavailable: the store or the engine cannot be reached or read just now; a retry may succeed.
	Unavailable Code = "unavailable"
)

// Error is the one error type the service returns for what a user can act on. Message is for
// people; Suggestions, for a term not found, are the names the user may have meant, most likely
// first, as data so that each surface lays them out its own way ("did you mean", links).
type Error struct {
	Code        Code
	Message     string
	Suggestions []string
	Err         error // the cause, when there is one
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Message + ": " + e.Err.Error()
	}
	return e.Message
}

func (e *Error) Unwrap() error { return e.Err }

// CodeOf returns the code of the first *Error in err's chain, or "" for an error the service did
// not classify (a bug, or a failure of the machine).
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return ""
}

// SuggestionsOf returns the suggestions of the first *Error in err's chain.
func SuggestionsOf(err error) []string {
	var e *Error
	if errors.As(err, &e) {
		return e.Suggestions
	}
	return nil
}

func invalidf(msg string) error { return &Error{Code: Invalid, Message: msg} }
