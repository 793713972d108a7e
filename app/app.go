// Package app holds the services the UI calls. Each exported method of a
// service is UI API, reachable from the Wails window and from `laifang serve`
// through the one list that Services returns.
package app

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"laifang/store"
)

// DataFileName is the one file an office keeps.
const DataFileName = "laifang.db"

// Options configure the container.
type Options struct {
	Version string
	DataDir string
	// Now is the clock of sessions and lockouts; time.Now when nil.
	Now func() time.Time
}

// App is the container of services. The store may open after the services
// are built (the window opens it on startup), so services reach it through
// app.store(), which reports why it is missing when it is.
//
// Services act for a session. The fields below are the services bound to
// the window's one session; `serve` gets a set bound to each browser's
// session from ServicesFor.
type App struct {
	opts Options

	mu       sync.RWMutex
	st       *store.Store
	openErr  error
	openOpts store.Options

	// Window is the desktop window's session; Sessions are serve's.
	Window   *Session
	Sessions *Sessions
	throttle *throttle
	// saveDialog is the window's save dialog (savefile.go); nil in serve.
	saveDialog SaveDialog
	logins     *loginLocks
	hashes     *hashLimiter
	imports    importJobs // each session's ledger being imported (ledgerimport.go)

	Bound
}

// Bound is one set of services, all acting for the same session.
type Bound struct {
	Auth      *Auth
	System    *System
	Users     *Users
	Settings  *Settings
	Audit     *Audit
	Retention *Retention
	Privacy   *Privacy
	Repeat    *Repeat
	Wording   *Wording
	Cases     *Cases
	Visits    *Visits
	Tasks     *Tasks
	Dicts     *Dicts
	Calendar  *Calendar
	Units     *Units
	Home      *Home
	Letters   *Letters
	Import    *Import
	Stats     *Stats
	Ledger    *Ledger
}

// list is the set in binding order.
func (b *Bound) list() []any {
	return []any{b.Auth, b.System, b.Users, b.Settings, b.Audit, b.Retention, b.Privacy, b.Repeat, b.Wording, b.Cases,
		b.Visits, b.Dicts, b.Calendar, b.Units, b.Tasks, b.Home,
		b.Letters, b.Import, b.Stats, b.Ledger}
}

// svc is what every service holds: the container and the session it acts
// for. Its methods are unexported, so nothing of it is bound.
type svc struct {
	app  *App
	sess *Session
}

// New builds the services; call Open before they are used.
func New(opts Options) *App {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	a := &App{opts: opts, Sessions: NewSessions(opts.Now), throttle: newThrottle(), logins: newLoginLocks(),
		hashes: newHashLimiter(hashSlots, hashQueue)}
	host, _ := os.Hostname()
	if host == "" {
		host = "本机"
	}
	a.Window = NewSession(host, false)
	a.Bound = a.bind(a.Window)
	return a
}

func (a *App) bind(s *Session) Bound {
	b := svc{app: a, sess: s}
	return Bound{
		Auth:      &Auth{b},
		System:    &System{b},
		Users:     &Users{b},
		Settings:  &Settings{b},
		Audit:     &Audit{b},
		Retention: &Retention{b},
		Privacy:   &Privacy{b},
		Repeat:    &Repeat{b},
		Wording:   &Wording{b},
		Cases:     &Cases{b},
		Ledger:    &Ledger{b},
		Visits:    &Visits{b},
		Tasks:     &Tasks{b},
		Dicts:     &Dicts{b},
		Calendar:  &Calendar{b},
		Units:     &Units{b},
		Home:      &Home{b},
		Letters:   &Letters{b},
		Import:    &Import{b},
		Stats:     &Stats{b},
	}
}

// Services is the single method table: bound to the Wails window (acting
// for the window's session) and served over HTTP, in this order.
func (a *App) Services() []any { return a.Bound.list() }

// ServicesFor is the same list acting for another session (serve builds
// one per request, from the browser's cookie).
func (a *App) ServicesFor(s *Session) []any {
	b := a.bind(s)
	return b.list()
}

// DataFile is the path of the data file in the data folder.
func (a *App) DataFile() string { return filepath.Join(a.opts.DataDir, DataFileName) }

// Open opens the data file. The error is also kept so that every service call
// can tell the user why there is no data.
func (a *App) Open(opts store.Options) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.openOpts = opts
	return a.openLocked()
}

func (a *App) openLocked() error {
	a.st, a.openErr = store.Open(a.DataFile(), a.openOpts)
	return a.openErr
}

// Close releases the data file.
func (a *App) Close() error {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.st == nil {
		return nil
	}
	err := a.st.Close()
	a.st = nil
	return err
}

// store is the open data file. When another program held the file at
// startup, each call tries again, so closing that program and pressing
// 重新读取 is enough.
func (a *App) store() (*store.Store, error) {
	a.mu.RLock()
	st, err := a.st, a.openErr
	a.mu.RUnlock()
	if st != nil {
		return st, nil
	}
	if errors.Is(err, store.ErrLocked) {
		a.mu.Lock()
		defer a.mu.Unlock()
		if a.st == nil && errors.Is(a.openErr, store.ErrLocked) {
			a.openLocked()
		}
		return a.st, a.openErr
	}
	if err != nil {
		return nil, err
	}
	return nil, newError(CodeInternal, "数据文件尚未打开。")
}

func (a *App) now() time.Time { return a.opts.Now() }
