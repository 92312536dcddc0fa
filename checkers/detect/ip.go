package detect

import (
	"net/netip"
	"strconv"
	"strings"
)

// IP addresses (STANDARDS §3.8, ID-015): dotted-quad IPv4 and RFC 4291 text IPv6. A hand-written
// pass checks the text's structure first; only text it accepts reaches net/netip, which gives
// the final word and the address's class. netip allocates an error for every text it rejects,
// and columns of times (10:15:00) and version numbers would otherwise pay that on every value.
// An IP address is network-identity personal information under GB/T 35273.

// maxIPLen is the longest IPv6 text: eight groups of four and an embedded dotted quad.
const maxIPLen = len("ffff:ffff:ffff:ffff:ffff:ffff:255.255.255.255")

// Traits of an IP address (Detector.Traits of ip_address, in order): facts, not faults.
const (
	IPv6        Traits = 1 << iota // written as IPv6 (an IPv4-mapped address included)
	IPPrivate                      // RFC 1918 / RFC 4193 private range
	IPLoopback                     // 127.0.0.0/8, ::1
	IPLinkLocal                    // 169.254.0.0/16, fe80::/10 unicast
)

// IPAddress detects an IPv4 or IPv6 address.
//
//   - Match: four dotted decimal octets (0-255, no leading zeros, which some parsers read as
//     octal), or IPv6 text: groups of 1-4 hex digits, at most one "::", optionally ending in a
//     dotted quad; no zone ("%eth0").
//   - Valid: the same as Match.
//   - Traits: IPv6, IPPrivate, IPLoopback, IPLinkLocal.
//   - Masked: the first octet and three ".*" (10.*.*.*), or the first IPv6 group of 1-4 hex
//     digits and seven ":*" (2001:*:*:*:*:*:*:*).
//
// Surrounding ASCII spaces and tabs are ignored.
func IPAddress(s string) Result {
	s = trim(s)
	if len(s) < 2 || len(s) > maxIPLen {
		return Result{}
	}
	if strings.IndexByte(s, '*') >= 0 {
		return Result{Masked: maskedIP(s)}
	}
	var ok bool
	if strings.IndexByte(s, ':') >= 0 {
		ok = ipv6Text(s)
	} else {
		ok = ipv4Text(s)
	}
	if !ok {
		return Result{}
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return Result{}
	}
	var t Traits
	if a.Is6() {
		t |= IPv6
	}
	if a.IsPrivate() {
		t |= IPPrivate
	}
	if a.IsLoopback() {
		t |= IPLoopback
	}
	if a.IsLinkLocalUnicast() {
		t |= IPLinkLocal
	}
	return Result{Match: true, Valid: true, Traits: t}
}

// ipv4Text checks four dotted octets of 0-255 without leading zeros.
func ipv4Text(s string) bool {
	octets := 0
	for i := 0; i <= len(s); {
		j := i
		v := 0
		for j < len(s) && isDigit(s[j]) && j-i < 4 {
			v = v*10 + int(s[j]-'0')
			j++
		}
		n := j - i
		if n == 0 || n > 3 || v > 255 || n > 1 && s[i] == '0' {
			return false
		}
		octets++
		if j == len(s) {
			return octets == 4
		}
		if s[j] != '.' || octets == 4 {
			return false
		}
		i = j + 1
	}
	return false
}

// ipv6Text checks RFC 4291 text: groups of 1-4 hex digits separated by ':', at most one "::"
// standing for one or more zero groups, and optionally a dotted quad in place of the last two
// groups; eight groups in all.
func ipv6Text(s string) bool {
	groups, double := 0, false
	i := 0
	if strings.HasPrefix(s, "::") {
		double, i = true, 2
		if i == len(s) {
			return true // "::"
		}
	}
	for i < len(s) {
		j := i
		for j < len(s) && j-i < 5 && hexDigit(s[j]) {
			j++
		}
		if j < len(s) && s[j] == '.' {
			// The dotted quad: the rest of the text, worth two groups.
			if !ipv4Text(s[i:]) {
				return false
			}
			groups += 2
			break
		}
		if n := j - i; n == 0 || n > 4 {
			return false
		}
		groups++
		if j == len(s) {
			break
		}
		if s[j] != ':' || j+1 == len(s) {
			return false
		}
		i = j + 1
		if s[i] == ':' {
			if double {
				return false
			}
			double = true
			i++
			if i == len(s) {
				break
			}
		}
	}
	return groups == 8 && !double || groups < 8 && double
}

func hexDigit(c byte) bool { return isDigit(c) || c|0x20 >= 'a' && c|0x20 <= 'f' }

// maskedIP recognises 10.*.*.* and 2001:*:*:*:*:*:*:*.
func maskedIP(s string) bool {
	if head, rest, ok := strings.Cut(s, "."); ok {
		return rest == "*.*.*" && len(head) >= 1 && len(head) <= 3 && allDigits(head)
	}
	head, rest, ok := strings.Cut(s, ":")
	if !ok || rest != "*:*:*:*:*:*:*" || len(head) < 1 || len(head) > 4 {
		return false
	}
	for i := 0; i < len(head); i++ {
		if !hexDigit(head[i]) {
			return false
		}
	}
	return true
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return s != ""
}

// MaskIPAddress keeps the first IPv4 octet (10.*.*.*) or the first IPv6 group
// (2001:*:*:*:*:*:*:*), the network's class or prefix, and hides the host.
func MaskIPAddress(s string) string {
	if masked, done := settledMask(s, IPAddress(s)); done {
		return masked
	}
	a, _ := netip.ParseAddr(trim(s))
	if a.Is4() {
		return strconv.Itoa(int(a.As4()[0])) + ".*.*.*"
	}
	b := a.As16()
	return strconv.FormatUint(uint64(b[0])<<8|uint64(b[1]), 16) + ":*:*:*:*:*:*:*"
}
