package app

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"laifang/store"
)

// Codes of refusals by the gate.
const (
	CodeAuthRequired  = "auth.required"
	CodeAuthLocked    = "auth.locked"
	CodeForbidden     = "auth.forbidden"
	CodeSetupRequired = "auth.setup"
)

// gate is the first line of every service method: it checks the session
// against MethodPerms[method] and returns who is acting (nil for a public
// method called without a session). The user is read again from the file,
// so a role changed or an account switched off takes effect at once.
// in are the method's inputs as the client sent them: each string in them
// must be acceptable text (checkText), whatever the method does next.
func (b *svc) gate(method string, in ...any) (*Actor, *store.Store, error) {
	act, st, err := b.admit(method)
	if err != nil {
		return nil, nil, err
	}
	if err := checkText(in...); err != nil {
		return nil, nil, err
	}
	return act, st, nil
}

// admit is gate's check of the session.
func (b *svc) admit(method string) (*Actor, *store.Store, error) {
	perms, ok := MethodPerms[method]
	if !ok {
		return nil, nil, newError(CodeForbidden, "这个功能没有登记权限，已拒绝。")
	}
	st, err := b.app.store()
	if err != nil {
		return nil, nil, err
	}
	if slices.Contains(perms, PermPublic) {
		return b.sess.actor(), st, nil
	}
	act := b.sess.actor()
	if act == nil {
		return nil, nil, b.signInFirst(st)
	}
	u, err := b.currentUser(st, act.ID)
	if err != nil {
		return nil, nil, err
	}
	if u == nil {
		b.sess.signOut()
		return nil, nil, newError(CodeAuthRequired, "您的账号已被停用或删除，请重新登录。")
	}
	act = u
	b.sess.mu.Lock()
	b.sess.user = act
	b.sess.mu.Unlock()
	idle, err := b.idle(st)
	if err != nil {
		return nil, nil, err
	}
	locked := b.sess.touch(b.app.now(), idle)
	if locked && !slices.Contains(perms, PermLocked) {
		return nil, nil, newError(CodeAuthLocked, "因长时间未操作，屏幕已锁定，请输入密码解锁。")
	}
	for _, p := range perms {
		if !act.May(p) {
			return nil, nil, forbidden(act, p)
		}
	}
	return act, st, nil
}

func (b *svc) signInFirst(st *store.Store) error {
	var set bool
	if err := st.View(func(tx *store.Tx) error { set = tx.HasUsers(); return nil }); err != nil {
		return err
	}
	if !set {
		return newError(CodeSetupRequired, "请先完成首次设置：填写单位信息并创建管理员。")
	}
	return newError(CodeAuthRequired, "请先登录。")
}

func forbidden(act *Actor, p Perm) error {
	if p == PermConfidential {
		return newError(CodeForbidden, "您没有查看保密件的授权，已拒绝。")
	}
	return newError(CodeForbidden, fmt.Sprintf("您的角色（%s）没有权限执行此操作。", roleName(act.Role)))
}

func roleName(r string) string {
	if n, ok := RoleNames[r]; ok {
		return n
	}
	return r
}

// currentUser reads the session's user; nil when switched off or gone.
func (b *svc) currentUser(st *store.Store, id uint64) (*Actor, error) {
	var u *store.User
	err := st.View(func(tx *store.Tx) error {
		var err error
		u, err = tx.User(id)
		return err
	})
	if errors.Is(err, store.ErrNotFound) || (err == nil && !u.Active) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return actorOf(u), nil
}

func actorOf(u *store.User) *Actor {
	return &Actor{ID: u.ID, Login: u.Login, Name: u.Name, Role: u.Role, Confidential: u.Confidential, Unit: u.Unit}
}

// DefaultIdleMinutes locks a session left alone this long, unless the
// settings say otherwise.
const DefaultIdleMinutes = 15

func (b *svc) idle(st *store.Store) (time.Duration, error) {
	s, err := st.Settings()
	if err != nil {
		return 0, err
	}
	return time.Duration(idleMinutes(s)) * time.Minute, nil
}

func idleMinutes(s *store.Settings) int {
	switch {
	case s.IdleMinutes < 0:
		return 0 // never
	case s.IdleMinutes == 0:
		return DefaultIdleMinutes
	}
	return s.IdleMinutes
}

// audit appends the audit entry of an action in the caller's transaction:
// who (the actor, 0 for none), what, on which record, from where. summary
// and reason must never hold a petitioner's personal data.
func (b *svc) audit(tx *store.Tx, act *Actor, action, entity string, id uint64, summary, reason string) error {
	a := &store.AuditEntry{Action: action, Entity: entity, EntityID: id, Summary: summary, Reason: reason,
		Workstation: b.sess.Workstation}
	if act != nil {
		a.User = act.ID
	}
	return tx.AppendAudit(a)
}

// Audit is the entry a caller of a store method that writes its own entry
// (SaveIntake, UpdateCase…) passes: who and from where.
func (b *svc) auditEntry(act *Actor, action string) *store.AuditEntry {
	a := &store.AuditEntry{Action: action, Workstation: b.sess.Workstation}
	if act != nil {
		a.User = act.ID
	}
	return a
}
