package vendor

import (
	"fmt"
	"time"
)

// Date is a calendar day, written YYYY-MM-DD in records. The zero Date means
// "not given".
type Date struct {
	t time.Time
}

// ParseDate reads a YYYY-MM-DD day and rejects days that do not exist.
func ParseDate(s string) (Date, error) {
	if !isDateShape(s) {
		return Date{}, fmt.Errorf("%q is not a date of the form YYYY-MM-DD, such as 2026-11-22", clip(s))
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%q is not a real day; check the month and the day", s)
	}
	return Date{t: t}, nil
}

// NewDate returns the given day.
func NewDate(year int, month time.Month, day int) Date {
	return Date{t: time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// IsZero reports whether the date was not given.
func (d Date) IsZero() bool { return d.t.IsZero() }

// Time returns the day at midnight UTC.
func (d Date) Time() time.Time { return d.t }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.t.Before(e.t) }

// String returns YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// isDateShape reports whether s is four digits, a hyphen, two digits, a
// hyphen and two digits.
func isDateShape(s string) bool {
	if len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if i == 4 || i == 7 {
			if s[i] != '-' {
				return false
			}
		} else if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
