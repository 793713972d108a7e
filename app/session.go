package app

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"sync"
	"time"
)

// Session is who a set of services acts for. The window has one; `serve`
// keeps one per browser login (httpapi finds it from the cookie and calls
// the services bound to it). Every service method starts with gate, which
// checks the session against MethodPerms.
type Session struct {
	// Workstation names where the calls come from (the audit log).
	Workstation string
	// Remote is set for a browser on another PC (serve on the network):
	// the first setup is refused from there.
	Remote bool

	mu       sync.Mutex
	user     *Actor
	locked   bool
	lastSeen time.Time
	revealed map[uint64]bool // confidential cases revealed in this session
	token    string          // the cookie's value, when registered
	csrf     string
}

// Actor is the signed-in user as the services see them.
type Actor struct {
	ID           uint64
	Login        string
	Name         string
	Role         string
	Confidential bool
	// Unit is the user's department (承办单位): a handler sees its cases
	// alone (scope.go).
	Unit uint64
}

// May tells whether the actor holds p.
func (a *Actor) May(p Perm) bool { return a != nil && may(a.Role, a.Confidential, p) }

// NewSession makes an empty (signed-out) session.
func NewSession(workstation string, remote bool) *Session {
	return &Session{Workstation: workstation, Remote: remote}
}

// SignedIn tells whether someone is signed in on the session.
func (s *Session) SignedIn() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user != nil
}

// Token and CSRF are the values httpapi gave the session's cookies.
func (s *Session) Token() string { s.mu.Lock(); defer s.mu.Unlock(); return s.token }

// CheckCSRF compares a request's token with the session's in constant time.
func (s *Session) CheckCSRF(got string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.csrf != "" && subtle.ConstantTimeCompare([]byte(got), []byte(s.csrf)) == 1
}

func (s *Session) signIn(a *Actor, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.user, s.locked, s.lastSeen, s.revealed = a, false, now, nil
}

func (s *Session) signOut() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.user, s.locked, s.revealed = nil, false, nil
}

func (s *Session) actor() *Actor {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.user
}

// touch notes a call at now and locks the session when it was idle longer
// than idle (0: never). It reports whether the session is locked.
func (s *Session) touch(now time.Time, idle time.Duration) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.user != nil && idle > 0 && !s.lastSeen.IsZero() && now.Sub(s.lastSeen) > idle {
		s.locked = true
	}
	s.lastSeen = now
	return s.locked
}

func (s *Session) setLocked(v bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.locked = v
}

func (s *Session) isLocked() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.locked
}

func (s *Session) markRevealed(caseID uint64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.revealed == nil {
		s.revealed = map[uint64]bool{}
	}
	s.revealed[caseID] = true
}

// Revealed tells whether a confidential case was revealed (with a reason,
// audited) in this session.
func (s *Session) Revealed(caseID uint64) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.revealed[caseID]
}

// Sessions are the browser sessions of `serve`, by cookie token.
type Sessions struct {
	mu     sync.Mutex
	byTok  map[string]*Session
	MaxAge time.Duration // a session unused this long is dropped (default 12 h)
	now    func() time.Time
}

// NewSessions makes an empty registry.
func NewSessions(now func() time.Time) *Sessions {
	if now == nil {
		now = time.Now
	}
	return &Sessions{byTok: map[string]*Session{}, MaxAge: 12 * time.Hour, now: now}
}

func randomToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // the OS has no randomness: nothing is safe to do
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// Add registers a signed-in session under new random tokens (a login
// always gets new ones: no session fixation) and returns them.
func (r *Sessions) Add(s *Session) (token, csrf string) {
	token, csrf = randomToken(), randomToken()
	s.mu.Lock()
	s.token, s.csrf = token, csrf
	s.mu.Unlock()
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byTok[token] = s
	r.expire()
	return token, csrf
}

// Lookup finds a live session by its cookie.
func (r *Sessions) Lookup(token string) *Session {
	if token == "" {
		return nil
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.byTok[token]
	if s == nil {
		return nil
	}
	s.mu.Lock()
	stale := s.user == nil || r.now().Sub(s.lastSeen) > r.MaxAge
	s.mu.Unlock()
	if stale {
		delete(r.byTok, token)
		return nil
	}
	return s
}

// Remove forgets a session (logout).
func (r *Sessions) Remove(token string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	delete(r.byTok, token)
}

// Len is the number of live sessions.
func (r *Sessions) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.byTok)
}

// expire drops sessions unused longer than MaxAge; r.mu is held.
func (r *Sessions) expire() {
	now := r.now()
	for tok, s := range r.byTok {
		s.mu.Lock()
		old := now.Sub(s.lastSeen) > r.MaxAge
		s.mu.Unlock()
		if old {
			delete(r.byTok, tok)
		}
	}
}

// idleFor tells whether the session has been idle longer than idle.
func (s *Session) idleFor(now time.Time, idle time.Duration) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return idle > 0 && !s.lastSeen.IsZero() && now.Sub(s.lastSeen) > idle
}
