package app

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/crypto/argon2"
)

// Passwords are kept as argon2id hashes in the PHC string format:
// $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash> (OWASP's minimum for
// argon2id). The parameters are in the string, so they can be raised later
// without locking anyone out.
type argonParams struct {
	memory  uint32 // KiB
	time    uint32
	threads uint8
}

var hashParams = argonParams{memory: 19 * 1024, time: 2, threads: 1}

func hashPassword(pw string) string {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		panic(err)
	}
	p := hashParams
	key := argon2.IDKey([]byte(pw), salt, p.time, p.memory, p.threads, 32)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, p.memory, p.time, p.threads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key))
}

// HashPassword is how a password is kept (argon2id, PHC string), for
// those who make accounts outside the services: `laifang gen`'s demo
// office.
func HashPassword(pw string) string { return hashPassword(pw) }

// checkPassword tells whether pw matches the encoded hash.
func checkPassword(encoded, pw string) bool {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false
	}
	var v int
	var p argonParams
	if _, err := fmt.Sscanf(parts[2], "v=%d", &v); err != nil || v != argon2.Version {
		return false
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return false
	}
	salt, err1 := base64.RawStdEncoding.DecodeString(parts[4])
	want, err2 := base64.RawStdEncoding.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(want) == 0 || p.memory > 1<<21 || p.time > 20 {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, p.time, p.memory, p.threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash makes a wrong login name cost as much time as a wrong password.
var dummyHash = sync.OnceValue(func() string { return hashPassword("laifang-no-such-user") })

// checkPasswordRule is the office's password rule.
func checkPasswordRule(pw string) error {
	var letter, digit bool
	for _, r := range pw {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	if len([]rune(pw)) < 8 || !letter || !digit {
		return fieldError("password.weak", "password", "密码至少 8 位，且须同时包含字母和数字。")
	}
	if len(pw) > 256 {
		return fieldError("password.long", "password", "密码太长（最多 256 个字符）。")
	}
	return nil
}

// Failed logins: the first FreeTries cost nothing; then each wait doubles
// (1 s, 2 s, 4 s…); after LockAfter failures in a row the account is
// locked for LockFor, or until an administrator unlocks it.
const (
	FreeTries = 3
	LockAfter = 8
	LockFor   = 30 * time.Minute
)

// loginDelay is the wait after n failures in a row.
func loginDelay(n int) time.Duration {
	if n < FreeTries {
		return 0
	}
	return time.Second << min(n-FreeTries, 10)
}

// throttle holds the failures of login names that are not on file, so
// that guessing names meets the same delays as guessing passwords (kept in
// memory: there is no record to keep them in).
type throttle struct {
	mu sync.Mutex
	m  map[string]*failures
}

type failures struct {
	n    int
	last time.Time
}

func newThrottle() *throttle { return &throttle{m: map[string]*failures{}} }

func (t *throttle) get(login string) failures {
	t.mu.Lock()
	defer t.mu.Unlock()
	if f := t.m[login]; f != nil {
		return *f
	}
	return failures{}
}

func (t *throttle) fail(login string, now time.Time) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.m[login]
	if f == nil {
		if len(t.m) > 10000 {
			clear(t.m)
		}
		f = &failures{}
		t.m[login] = f
	}
	f.n++
	f.last = now
	return f.n
}
