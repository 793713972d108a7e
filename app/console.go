package app

import (
	"errors"
	"io"
	"strings"

	"laifang/store"
)

// Console is what `laifang users` does on the PC that holds the data file,
// for an office whose only administrator is locked out or forgot the
// password: nobody can sign in to do it, and whoever can open the file
// there could edit it anyway. Nobody is signed in at a command line, so
// each entry it writes names the command and, as its workstation, the
// operating system's user (as `laifang backup` does).
type Console struct{ svc }

// Console acts from the command line; workstation names the OS user and
// the computer.
func (a *App) Console(workstation string) *Console {
	return &Console{svc{app: a, sess: NewSession(workstation, false)}}
}

// Users lists every account (an administrator may have forgotten the login
// name too).
func (c *Console) Users() ([]UserInfo, error) {
	st, err := c.app.store()
	if err != nil {
		return nil, err
	}
	return allUsers(st)
}

// User finds an account by login name (case does not matter).
func (c *Console) User(login string) (UserInfo, error) {
	st, err := c.app.store()
	if err != nil {
		return UserInfo{}, err
	}
	var u *store.User
	err = st.View(func(tx *store.Tx) error {
		u, err = tx.UserByLogin(strings.TrimSpace(login))
		return err
	})
	if errors.Is(err, store.ErrNotFound) {
		return UserInfo{}, newError(CodeNotFound, "没有登录名为“"+clip(login, 32)+"”的账号（laifang users list 列出全部账号）。")
	}
	if err != nil {
		return UserInfo{}, err
	}
	return userInfo(u), nil
}

// Unlock lifts a lockout caused by failed logins, as Users.Unlock does;
// command is the command line, for the audit.
func (c *Console) Unlock(login, command string) (UserInfo, error) {
	return c.edit(login, func(u *store.User) (string, string) {
		u.Failed, u.LastFail, u.LockedUntil = 0, 0, 0
		return ActionUserUnlock, "命令行解除锁定：" + u.Login + "（" + command + "）"
	})
}

// ResetPassword gives an account a new password and lifts its lockout, as
// Users.SetPassword does, under the same password rule.
func (c *Console) ResetPassword(login, password, command string) (UserInfo, error) {
	if err := checkPasswordRule(password); err != nil {
		return UserInfo{}, err
	}
	hash, err := c.app.hash(password)
	if err != nil {
		return UserInfo{}, err
	}
	return c.edit(login, func(u *store.User) (string, string) {
		u.PassHash, u.Failed, u.LastFail, u.LockedUntil = hash, 0, 0, 0
		return ActionUserPassword, "命令行重设密码：" + u.Login + "（" + command + "）"
	})
}

// edit changes one account under its login lock and audits it.
func (c *Console) edit(login string, change func(u *store.User) (action, summary string)) (UserInfo, error) {
	info, err := c.User(login)
	if err != nil {
		return UserInfo{}, err
	}
	st, err := c.app.store()
	if err != nil {
		return UserInfo{}, err
	}
	defer c.app.logins.lock(info.Login)()
	var u *store.User
	err = st.Update(func(tx *store.Tx) error {
		if u, err = tx.User(info.ID); err != nil {
			return err
		}
		action, summary := change(u)
		if err := tx.SaveUser(u); err != nil {
			return err
		}
		return c.audit(tx, nil, action, "user", u.ID, summary, "")
	})
	if err != nil {
		return UserInfo{}, err
	}
	return userInfo(u), nil
}

// ExportLedger is `laifang export`: the ledger of the filters as an Excel
// file written to w. The command line signs in as the user named, with his
// password (audited as a login from this workstation), and the export is
// then his: his rights, his scope and his masking, exactly as the window's
// button (a whistle-blower's identity only with his confidential grant),
// and the audit entry of the export names him.
func (c *Console) ExportLedger(login, password string, w io.Writer, q LedgerQuery, progress func(done, total int)) (int, error) {
	if _, err := (&Auth{c.svc}).Login(login, password); err != nil {
		return 0, err
	}
	defer (&Auth{c.svc}).Logout()
	return (&Ledger{c.svc}).exportTo(w, q, progress)
}

// UnitsByName maps each department's name to its ID, for the command
// line's filters (people type names, not IDs).
func (a *App) UnitsByName() (map[string]uint64, error) {
	st, err := a.store()
	if err != nil {
		return nil, err
	}
	out := map[string]uint64{}
	err = st.View(func(tx *store.Tx) error {
		us, err := tx.Units()
		for _, u := range us {
			out[u.Name] = u.ID
		}
		return err
	})
	return out, err
}
