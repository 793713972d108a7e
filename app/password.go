package app

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
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

// argonKey is argon2id itself; every hash and check goes through it (the
// tests count the hashes running at once here).
var argonKey = argon2.IDKey

func hashPassword(pw string) string {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		panic(err)
	}
	p := hashParams
	key := argonKey([]byte(pw), salt, p.time, p.memory, p.threads, 32)
	return encodeHash(p, salt, key)
}

func encodeHash(p argonParams, salt, key []byte) string {
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
	got := argonKey([]byte(pw), salt, p.time, p.memory, p.threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// dummyHash makes a wrong login name cost as much time as a wrong password:
// it is checked like a real one (same parameters) and matches nothing. Its
// key is random rather than hashed, so making it costs no argon2 outside
// the bound below.
var dummyHash = sync.OnceValue(func() string {
	b := make([]byte, 16+32)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return encodeHash(hashParams, b[:16], b[16:])
})

// Each argon2id hash takes hashParams.memory (19 MiB) while it runs, so the
// hashes running at once are bounded: hashSlots at a time, hashQueue more
// waiting, and any attempt beyond those refused at once (CodeBusy) rather
// than queued without limit. 64 logins sent at once no longer take a GiB.
var (
	hashSlots = min(max(runtime.GOMAXPROCS(0), 2), 4)
	hashQueue = 32
)

// CodeBusy refuses a password check or hash when too many are under way.
const CodeBusy = "server.busy"

type hashLimiter struct {
	slots   chan struct{}
	waiting atomic.Int32
	queue   int32
}

func newHashLimiter(slots, queue int) *hashLimiter {
	return &hashLimiter{slots: make(chan struct{}, slots), queue: int32(queue)}
}

// run runs fn in a slot, waiting for one if the queue has room.
func (l *hashLimiter) run(fn func()) error {
	select {
	case l.slots <- struct{}{}:
	default:
		if l.waiting.Add(1) > l.queue {
			l.waiting.Add(-1)
			return newError(CodeBusy, "服务器繁忙，请稍后再试。")
		}
		l.slots <- struct{}{}
		l.waiting.Add(-1)
	}
	defer func() { <-l.slots }()
	fn()
	return nil
}

// hash is hashPassword within the bound.
func (a *App) hash(pw string) (string, error) {
	var h string
	err := a.hashes.run(func() { h = hashPassword(pw) })
	return h, err
}

// check is checkPassword within the bound.
func (a *App) check(encoded, pw string) (bool, error) {
	var ok bool
	err := a.hashes.run(func() { ok = checkPassword(encoded, pw) })
	return ok, err
}

// checkPasswordRule is the office's password rule.
func checkPasswordRule(pw string) error {
	var letter, digit bool
	for _, r := range pw {
		letter = letter || unicode.IsLetter(r)
		digit = digit || unicode.IsDigit(r)
	}
	if len([]rune(pw)) < 8 || !letter || !digit {
		return fieldError("password", "password.weak", "密码至少 8 位，且须同时包含字母和数字。")
	}
	if len(pw) > 256 {
		return fieldError("password", "password.long", "密码太长（最多 256 个字符）。")
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

// loginLocks serialize the password checks of one account: the delay and
// the lockout are read, the hash made and the outcome recorded before the
// next try on that account may look, so guesses sent at once meet the
// delays one after another. An entry lives only while someone holds or
// waits for it, so random login names cannot grow the map.
type loginLocks struct {
	mu sync.Mutex
	m  map[string]*loginLock
}

type loginLock struct {
	sync.Mutex
	refs int
}

func newLoginLocks() *loginLocks { return &loginLocks{m: map[string]*loginLock{}} }

// lock takes the lock of a login name (case does not matter) and returns
// its release.
func (l *loginLocks) lock(login string) func() {
	key := strings.ToLower(login)
	l.mu.Lock()
	e := l.m[key]
	if e == nil {
		e = &loginLock{}
		l.m[key] = e
	}
	e.refs++
	l.mu.Unlock()
	e.Lock()
	return func() {
		e.Unlock()
		l.mu.Lock()
		if e.refs--; e.refs == 0 {
			delete(l.m, key)
		}
		l.mu.Unlock()
	}
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
