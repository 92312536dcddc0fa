package checkers

import (
	"strings"
	"time"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

// GB/T 7408.1-2023 (ISO 8601-1:2019, which replaced GB/T 7408-2005) representations of dates
// and times, for a field that names it as its data standard (QUAL-001). The type inference
// above accepts the one form most exports use (2025-07-05, 2025-07-05T08:30); the standard
// also allows the basic format without separators, reduced precision, ordinal and week dates,
// which are as conforming:
//
//	calendar  2025-07-05  20250705  2025-07  2025
//	ordinal   2025-186    2025186
//	week      2025-W27-6  2025W276  2025-W27  2025W27
//	time      T08  T08:30  T08:30:00  T083000  T08:30:00.5  then Z, +08, +08:00 or +0800
//
// A date and the time after its T are both extended (with separators) or both basic, as the
// standard requires; a space for the T is RFC 3339's habit, not the standard's. A time of
// day alone (08:30:00) conforms too.

// isISO8601 reports whether v is one of those representations.
func isISO8601(v string) bool {
	date, clock, hasT := strings.Cut(v, "T")
	if date == "" {
		return hasT && (isISOTime(clock, true) || isISOTime(clock, false))
	}
	extended, basic := isISODate(date)
	switch {
	case !extended && !basic:
		return !hasT && isISOTime(v, true)
	case !hasT:
		return true
	}
	return extended && isISOTime(clock, true) || basic && isISOTime(clock, false)
}

// isISODate reports whether d is a date in the extended format, the basic one, or either (a
// year alone, or a year and a month, which has no basic form: 202507 would read as a century).
func isISODate(d string) (extended, basic bool) {
	if len(d) < 4 {
		return false, false
	}
	year, ok := digitsOf(d[:4])
	if !ok {
		return false, false
	}
	rest := d[4:]
	ext := strings.HasPrefix(rest, "-")
	if ext {
		rest = rest[1:]
	}
	valid := false
	switch {
	case rest == "" && !ext:
		return true, true
	case strings.HasPrefix(rest, "W"):
		valid = isISOWeek(year, rest[1:], ext)
	case ext && len(rest) == 5 && rest[2] == '-': // MM-DD
		valid = isMonthDay(year, rest[:2], rest[3:])
	case ext && len(rest) == 2: // MM: a month, extended only
		m, ok := digitsOf(rest)
		valid = ok && m >= 1 && m <= 12
	case !ext && len(rest) == 4: // MMDD
		valid = isMonthDay(year, rest[:2], rest[2:])
	case len(rest) == 3: // DDD, the day of the year
		n, ok := digitsOf(rest)
		valid = ok && n >= 1 && n <= daysInYear(year)
	}
	return valid && ext, valid && !ext
}

func isMonthDay(year int, mm, dd string) bool {
	m, ok1 := digitsOf(mm)
	d, ok2 := digitsOf(dd)
	return ok1 && ok2 && m >= 1 && m <= 12 && d >= 1 && d <= detect.DaysIn(year, m)
}

func daysInYear(year int) int { return 337 + detect.DaysIn(year, 2) }

// isISOWeek checks a week date after its W: ww, then the day of the week (1-7), with a '-'
// before it in the extended format. A year has 53 weeks when it starts on a Thursday, or on
// a Wednesday in a leap year.
func isISOWeek(year int, w string, ext bool) bool {
	if len(w) < 2 {
		return false
	}
	week, ok := digitsOf(w[:2])
	day := w[2:]
	if ext && day != "" {
		if day[0] != '-' {
			return false
		}
		day = day[1:]
	}
	if !ok || len(day) > 1 || day != "" && (day[0] < '1' || day[0] > '7') {
		return false
	}
	jan1 := time.Date(year, time.January, 1, 0, 0, 0, 0, time.UTC).Weekday()
	weeks := 52
	if jan1 == time.Thursday || jan1 == time.Wednesday && daysInYear(year) == 366 {
		weeks = 53
	}
	return week >= 1 && week <= weeks
}

// isISOTime checks a time of day in one format: hh[:mm[:ss]] (or hh[mm[ss]]) with an optional
// decimal fraction of its last part, then an optional zone: Z or ±hh[:mm] (±hh[mm]). 24:00 is
// the end of a day.
func isISOTime(t string, ext bool) bool {
	if i := strings.IndexAny(t, "Z+-"); i >= 0 {
		if !isISOZone(t[i:], ext) {
			return false
		}
		t = t[:i]
	}
	if i := strings.IndexAny(t, ".,"); i >= 0 {
		if _, ok := digitsOf(t[i+1:]); !ok || i+1 == len(t) {
			return false
		}
		t = t[:i]
	}
	parts, err := timeParts(t, ext)
	if err {
		return false
	}
	limits := []int{24, 59, 60}
	for i, p := range parts {
		if p > limits[i] {
			return false
		}
	}
	if parts[0] == 24 {
		for _, p := range parts[1:] {
			if p != 0 {
				return false
			}
		}
	}
	return true
}

// timeParts splits hh, hh:mm, hh:mm:ss (or hhmm, hhmmss) into numbers.
func timeParts(t string, ext bool) (parts []int, bad bool) {
	for i := 0; ; i++ {
		if len(t) < 2 || i == 3 {
			return nil, true
		}
		n, ok := digitsOf(t[:2])
		if !ok {
			return nil, true
		}
		parts, t = append(parts, n), t[2:]
		if t == "" {
			return parts, false
		}
		if ext {
			if t[0] != ':' {
				return nil, true
			}
			t = t[1:]
		}
	}
}

// isISOZone checks Z or ±hh[:mm] (extended) or ±hh[mm] (basic).
func isISOZone(z string, ext bool) bool {
	if z == "Z" {
		return true
	}
	parts, bad := timeParts(z[1:], ext)
	return !bad && z[0] != 'Z' && len(parts) <= 2 && parts[0] <= 23 && (len(parts) == 1 || parts[1] <= 59)
}
