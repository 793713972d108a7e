// Package app holds the services the UI calls. Each exported method of a
// service is UI API, reachable from the Wails window and from `laifang serve`
// through the one list that Services returns.
package app

import (
	"errors"
	"path/filepath"
	"sync"

	"laifang/store"
)

// DataFileName is the one file an office keeps.
const DataFileName = "laifang.db"

// Options configure the container.
type Options struct {
	Version string
	DataDir string
}

// App is the container of services. The store may open after the services
// are built (the window opens it on startup), so services reach it through
// app.store(), which reports why it is missing when it is.
type App struct {
	opts Options

	mu       sync.RWMutex
	st       *store.Store
	openErr  error
	openOpts store.Options

	System *System
}

// New builds the services; call Open before they are used.
func New(opts Options) *App {
	a := &App{opts: opts}
	a.System = &System{app: a}
	return a
}

// Services is the single method table: bound to the Wails window and served
// over HTTP, in this order.
func (a *App) Services() []any {
	return []any{a.System}
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
