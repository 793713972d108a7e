package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"laifang/domain/deadline"
	"laifang/store"
)

// Auth is the first setup, signing in and out, and the idle lock.
type Auth struct{ svc }

// UserInfo is a member of staff as the UI sees them.
type UserInfo struct {
	ID           uint64 `json:"id"`
	Login        string `json:"login"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	Confidential bool   `json:"confidential"`
	Active       bool   `json:"active"`
	// Unit is the user's department (承办单位); 0: none. A handler has one.
	Unit uint64 `json:"unit"`
	// LockedUntil is set (RFC 3339) while failed logins keep the account locked.
	LockedUntil string `json:"lockedUntil,omitempty"`
	// Rev is the revision read; send it back with an edit.
	Rev uint64 `json:"rev"`
}

// AuthState is what the UI needs before it shows anything: whether the
// office is set up, who is signed in, what they may do.
type AuthState struct {
	SetupNeeded bool      `json:"setupNeeded"`
	SignedIn    bool      `json:"signedIn"`
	Locked      bool      `json:"locked"`
	User        *UserInfo `json:"user,omitempty"`
	// Perms are what the user holds (PermUsers…): the UI hides what Go
	// would refuse, nothing more.
	Perms       []string `json:"perms"`
	IdleMinutes int      `json:"idleMinutes"`
	OfficeName  string   `json:"officeName"`
	// Screens are the menu's screens the user may open (Screens), in order.
	Screens []string `json:"screens"`
	// Demo: the office was made up by `laifang gen` (store.Tx.Synthetic);
	// the window says so on every screen.
	Demo bool `json:"demo"`
}

// SetupInput is the first start: the office and its administrator.
type SetupInput struct {
	OrgName    string `json:"orgName"`
	OrgCode    string `json:"orgCode"`    // 机关代字, in document numbers
	ReviewOrg  string `json:"reviewOrg"`  // 复查机关
	RecheckOrg string `json:"recheckOrg"` // 复核机关
	RegionCode string `json:"regionCode"` // GB/T 2260, 6 digits
	AdminName  string `json:"adminName"`
	AdminLogin string `json:"adminLogin"`
	Password   string `json:"password"`
}

// State reports the session and the office.
func (s *Auth) State() (AuthState, error) {
	_, st, err := s.gate("Auth.State")
	if err != nil {
		return AuthState{}, err
	}
	return s.state(st)
}

func (s *Auth) state(st *store.Store) (AuthState, error) {
	out := AuthState{Perms: []string{}, Screens: []string{}}
	var settings *store.Settings
	err := st.View(func(tx *store.Tx) error {
		out.SetupNeeded = !tx.HasUsers()
		out.Demo = tx.Synthetic()
		var err error
		settings, err = tx.Settings()
		if err != nil {
			return err
		}
		if act := s.sess.actor(); act != nil {
			u, err := tx.User(act.ID)
			if errors.Is(err, store.ErrNotFound) || (err == nil && !u.Active) {
				s.sess.signOut()
				return nil
			}
			if err != nil {
				return err
			}
			info := userInfo(u)
			out.SignedIn, out.User, out.Perms = true, &info, permsOf(u.Role, u.Confidential)
			out.Screens = screensOf(u.Role, u.Confidential)
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	out.IdleMinutes = idleMinutes(settings)
	out.OfficeName = settings.OrgName
	if out.SignedIn {
		idle := time.Duration(out.IdleMinutes) * time.Minute
		out.Locked = s.sess.isLocked() || s.sess.idleFor(s.app.now(), idle)
	}
	return out, nil
}

func userInfo(u *store.User) UserInfo {
	info := UserInfo{ID: u.ID, Login: u.Login, Name: u.Name, Role: u.Role, Confidential: u.Confidential,
		Active: u.Active, Unit: u.Unit, Rev: u.Rev}
	if u.LockedUntil != 0 && u.LockedUntil.Time().After(time.Now()) {
		info.LockedUntil = u.LockedUntil.Time().Format(time.RFC3339)
	}
	return info
}

// Setup sets up the office and its administrator on the first start, and
// signs the administrator in. It is refused once any user exists, and from
// another PC (the first setup is made at the office's own computer).
func (s *Auth) Setup(in SetupInput) (AuthState, error) {
	_, st, err := s.gate("Auth.Setup", in)
	if err != nil {
		return AuthState{}, err
	}
	if s.sess.Remote {
		return AuthState{}, newError("setup.remote", "首次设置只能在运行本程序的电脑上进行。")
	}
	in.OrgName, in.OrgCode = strings.TrimSpace(in.OrgName), strings.TrimSpace(in.OrgCode)
	in.ReviewOrg, in.RecheckOrg = strings.TrimSpace(in.ReviewOrg), strings.TrimSpace(in.RecheckOrg)
	in.RegionCode, in.AdminName = strings.TrimSpace(in.RegionCode), strings.TrimSpace(in.AdminName)
	in.AdminLogin = strings.TrimSpace(in.AdminLogin)
	if err := checkSetup(in); err != nil {
		return AuthState{}, err
	}
	// Once set up, a call costs no hash (it is public).
	var done bool
	if err := st.View(func(tx *store.Tx) error { done = tx.HasUsers(); return nil }); err != nil {
		return AuthState{}, err
	}
	if done {
		return AuthState{}, newError("setup.done", "本单位已经设置过了，请登录。")
	}
	hash, err := s.app.hash(in.Password)
	if err != nil {
		return AuthState{}, err
	}
	u := &store.User{Name: in.AdminName, Login: in.AdminLogin, Role: RoleAdmin, Active: true, PassHash: hash}
	err = st.Update(func(tx *store.Tx) error {
		if tx.HasUsers() {
			return newError("setup.done", "本单位已经设置过了，请登录。")
		}
		settings, err := tx.Settings()
		if err != nil {
			return err
		}
		settings.OrgName, settings.OrgCode, settings.RegionCode = in.OrgName, in.OrgCode, in.RegionCode
		settings.ReviewOrg, settings.RecheckOrg = in.ReviewOrg, in.RecheckOrg
		if err := tx.UpdateSettings(settings); err != nil {
			return err
		}
		// The office counts its deadlines on the published holidays from
		// the first day (docs/DOMAIN.md §4.4).
		if err := tx.SeedCalendar(deadline.Seed2026()); err != nil {
			return err
		}
		if err := tx.UpdateUser(u); err != nil {
			return err
		}
		act := actorOf(u)
		if err := s.audit(tx, act, ActionSetup, "settings", 0, "首次设置单位信息", ""); err != nil {
			return err
		}
		if err := s.audit(tx, act, ActionUserCreate, "user", u.ID, "创建管理员 "+u.Login, ""); err != nil {
			return err
		}
		return s.audit(tx, act, ActionLogin, "user", u.ID, "", "")
	})
	if err != nil {
		return AuthState{}, err
	}
	s.sess.signIn(actorOf(u), s.app.now())
	return s.state(st)
}

// checkSetup checks the first setup's form whole: every empty or wrong
// field is marked at once, not one per try.
func checkSetup(in SetupInput) error {
	var issues []Issue
	add := func(err error) {
		if e := AsError(err); err != nil {
			issues = append(issues, Issue{Field: e.Field, Code: e.Code, Message: e.Message})
		}
	}
	switch {
	case in.OrgName == "":
		add(fieldError("orgName", "setup.orgName", "请填写单位名称。"))
	case len([]rune(in.OrgName)) > 100:
		add(fieldError("orgName", "setup.orgName", "单位名称太长（最多 100 个字）。"))
	}
	switch {
	case in.OrgCode == "":
		add(fieldError("orgCode", "setup.orgCode", "请填写机关代字（用于文号，如“某镇”）。"))
	case len([]rune(in.OrgCode)) > 10:
		add(fieldError("orgCode", "setup.orgCode", "机关代字太长（最多 10 个字）。"))
	}
	if len([]rune(in.ReviewOrg)) > 100 {
		add(fieldError("reviewOrg", "setup.reviewOrg", "机关名称太长（最多 100 个字）。"))
	}
	if len([]rune(in.RecheckOrg)) > 100 {
		add(fieldError("recheckOrg", "setup.reviewOrg", "机关名称太长（最多 100 个字）。"))
	}
	if in.RegionCode != "" && !isDigits(in.RegionCode, 6) {
		add(fieldError("regionCode", "setup.regionCode", "行政区划代码应为 6 位数字。"))
	}
	add(checkName(in.AdminName, "adminName"))
	add(checkLogin(in.AdminLogin, "adminLogin"))
	add(checkPasswordRule(in.Password))
	switch len(issues) {
	case 0:
		return nil
	case 1:
		return fieldError(issues[0].Field, issues[0].Code, issues[0].Message)
	}
	return &Error{Code: CodeInvalid, Field: issues[0].Field, Fields: issues,
		Message: fmt.Sprintf("有 %d 处需要填写或更正：%s", len(issues), issues[0].Message)}
}

// Login signs a user in. Wrong passwords in a row make the next try wait
// longer each time, then lock the account (FreeTries, LockAfter, LockFor);
// every failure is audited. Tries on one login name are taken one at a
// time (tryPassword), so guesses sent at once meet the delays too.
func (s *Auth) Login(login, password string) (AuthState, error) {
	_, st, err := s.gate("Auth.Login", named("login", login), named("password", password))
	if err != nil {
		return AuthState{}, err
	}
	login = strings.TrimSpace(login)
	if login == "" {
		return AuthState{}, fieldError("login", CodeLoginEmpty, "请输入登录名。")
	}
	if password == "" {
		return AuthState{}, fieldError("password", CodeLoginEmpty, "请输入密码。")
	}
	if len(login) > 64 || len(password) > 256 {
		return AuthState{}, fieldError("password", CodeLoginBad, "登录名或密码不正确。")
	}
	defer s.app.logins.lock(login)()
	now := s.app.now()
	var u *store.User
	err = st.View(func(tx *store.Tx) error {
		var err error
		u, err = tx.UserByLogin(login)
		if errors.Is(err, store.ErrNotFound) {
			u, err = nil, nil
		}
		return err
	})
	if err != nil {
		return AuthState{}, err
	}
	if u == nil {
		// No such user: the same waits, the same cost of a hash and the
		// same message as a wrong password. The name typed is not written
		// down: it is often the password, typed into the wrong box.
		key := strings.ToLower(login)
		f := s.app.throttle.get(key)
		if wait := f.last.Add(loginDelay(f.n)).Sub(now); wait > 0 {
			return AuthState{}, waitError(wait)
		}
		if _, err := s.app.check(dummyHash(), password); err != nil {
			return AuthState{}, err
		}
		n := s.app.throttle.fail(key, now)
		st.Update(func(tx *store.Tx) error {
			return s.audit(tx, nil, ActionLoginFailed, "user", 0, "登录名不存在", "")
		})
		return AuthState{}, badLogin(n)
	}
	err = s.tryPassword(st, u.ID, password, nil, "", func(tx *store.Tx, cur *store.User) (error, error) {
		if !cur.Active {
			refusal := fieldError("login", "login.inactive", "该账号已停用，请与管理员联系。")
			return refusal, s.audit(tx, nil, ActionLoginFailed, "user", cur.ID, "账号已停用", "")
		}
		cur.Failed, cur.LastFail, cur.LockedUntil = 0, 0, 0
		if err := tx.SaveUser(cur); err != nil {
			return nil, err
		}
		u = cur
		return nil, s.audit(tx, actorOf(cur), ActionLogin, "user", cur.ID, "", "")
	})
	if err != nil {
		return AuthState{}, err
	}
	s.sess.signIn(actorOf(u), now)
	s.app.closeLapsedLogged() // the office's day starts: what lapsed overnight is closed before its queue shows
	return s.state(st)
}

// tryPassword checks a password typed for the account id. The caller
// holds the account's login lock (app.logins), so reading the lockout and
// the wait, hashing, and recording the outcome are one step: a guess sent
// alongside others still sees every failure before it. A locked account or
// a try before its wait is refused without a hash. A failure is counted,
// locks the account at LockAfter and is audited (where says where the
// password was typed, "" for the login screen); on success ok runs in the
// same transaction and may still refuse (its first result) while its
// audit entry is kept.
func (s *svc) tryPassword(st *store.Store, id uint64, password string, act *Actor, where string,
	ok func(tx *store.Tx, u *store.User) (error, error)) error {
	now := s.app.now()
	var u *store.User
	err := st.View(func(tx *store.Tx) error {
		var err error
		u, err = tx.User(id)
		return err
	})
	if err != nil {
		return err
	}
	if u.LockedUntil != 0 && now.Before(u.LockedUntil.Time()) {
		st.Update(func(tx *store.Tx) error {
			return s.audit(tx, act, ActionLoginFailed, "user", u.ID, where+"账号锁定中，未核对密码", "")
		})
		return lockedError(u.LockedUntil.Time())
	}
	if u.Failed > 0 {
		if wait := u.LastFail.Time().Add(loginDelay(u.Failed)).Sub(now); wait > 0 {
			return waitError(wait)
		}
	}
	match, err := s.app.check(u.PassHash, password)
	if err != nil {
		return err
	}
	var result error
	err = st.Update(func(tx *store.Tx) error {
		cur, err := tx.User(id)
		if err != nil {
			return err
		}
		if match {
			result, err = ok(tx, cur)
			return err
		}
		cur.Failed++
		cur.LastFail = store.StampOf(now)
		summary := fmt.Sprintf("%s密码错误（连续第 %d 次）", where, cur.Failed)
		if cur.Failed >= LockAfter {
			cur.LockedUntil = store.StampOf(now.Add(LockFor))
			summary += "，账号已锁定"
			result = lockedError(cur.LockedUntil.Time())
		} else {
			result = badLogin(cur.Failed)
		}
		if err := tx.SaveUser(cur); err != nil {
			return err
		}
		return s.audit(tx, act, ActionLoginFailed, "user", cur.ID, summary, "")
	})
	if err != nil {
		return err
	}
	return result
}

const msgBadLogin = "登录名或密码不正确。"

func badLogin(failures int) error {
	msg := msgBadLogin
	if left := LockAfter - failures; left > 0 && left <= 3 {
		msg += fmt.Sprintf("再错 %d 次，账号将被锁定 %d 分钟。", left, int(LockFor.Minutes()))
	}
	return fieldError("password", CodeLoginBad, msg)
}

func waitError(d time.Duration) error {
	secs := int(d.Round(time.Second).Seconds())
	if secs < 1 {
		secs = 1
	}
	return fieldError("password", CodeLoginWait, fmt.Sprintf("密码错误次数较多，请等待 %d 秒后再试。", secs))
}

func lockedError(until time.Time) error {
	return fieldError("login", CodeLockedOut,
		fmt.Sprintf("密码连续错误次数过多，账号已锁定至 %s。可请管理员提前解锁。", until.Local().Format("15:04")))
}

// Logout signs the session out.
func (s *Auth) Logout() error {
	act, st, err := s.gate("Auth.Logout")
	if err != nil {
		return err
	}
	s.sess.signOut()
	return st.Update(func(tx *store.Tx) error { return s.audit(tx, act, ActionLogout, "user", act.ID, "", "") })
}

// Lock turns the idle lock on now (the UI calls it when its own idle timer
// runs out, or when the user locks the screen before walking away).
func (s *Auth) Lock() error {
	if _, _, err := s.gate("Auth.Lock"); err != nil {
		return err
	}
	s.sess.setLocked(true)
	return nil
}

// Unlock lifts the idle lock with the signed-in user's password. The UI
// keeps every unsaved input under the lock screen meanwhile. Wrong
// passwords count as failed logins; the one that locks the account signs
// the session out.
func (s *Auth) Unlock(password string) (AuthState, error) {
	act, st, err := s.gate("Auth.Unlock", named("password", password))
	if err != nil {
		return AuthState{}, err
	}
	if password == "" {
		return AuthState{}, fieldError("password", CodeLoginEmpty, "请输入密码。")
	}
	release := s.app.logins.lock(act.Login)
	err = s.tryPassword(st, act.ID, password, act, "解锁时", func(tx *store.Tx, u *store.User) (error, error) {
		u.Failed, u.LastFail = 0, 0
		if err := tx.SaveUser(u); err != nil {
			return nil, err
		}
		return nil, s.audit(tx, act, ActionUnlock, "user", u.ID, "", "")
	})
	release()
	if err != nil {
		if code := AsError(err).Code; code == CodeLockedOut {
			s.sess.signOut()
		}
		return AuthState{}, err
	}
	s.sess.setLocked(false)
	return s.state(st)
}

// ChangePassword changes the signed-in user's own password. A wrong old
// password counts as a failed login, as at the lock screen.
func (s *Auth) ChangePassword(oldPassword, newPassword string) error {
	act, st, err := s.gate("Auth.ChangePassword", named("oldPassword", oldPassword), named("newPassword", newPassword))
	if err != nil {
		return err
	}
	if err := checkPasswordRule(newPassword); err != nil {
		e := err.(*Error)
		return fieldError("newPassword", e.Code, e.Message)
	}
	if oldPassword == "" {
		return fieldError("oldPassword", CodeLoginEmpty, "请输入原密码。")
	}
	// The old password is checked first (a wrong guess costs one hash,
	// not two), then the new one hashed and saved, under the same lock.
	release := s.app.logins.lock(act.Login)
	defer release()
	err = s.tryPassword(st, act.ID, oldPassword, act, "修改密码时", func(tx *store.Tx, u *store.User) (error, error) {
		u.Failed, u.LastFail = 0, 0
		return nil, tx.SaveUser(u)
	})
	if err == nil {
		var hash string
		if hash, err = s.app.hash(newPassword); err != nil {
			return err
		}
		return st.Update(func(tx *store.Tx) error {
			u, err := tx.User(act.ID)
			if err != nil {
				return err
			}
			u.PassHash = hash
			if err := tx.SaveUser(u); err != nil {
				return err
			}
			return s.audit(tx, act, ActionUserPassword, "user", u.ID, "本人修改密码", "")
		})
	}
	var e *Error
	if errors.As(err, &e) && e.Field != "" {
		if e.Code == CodeLockedOut {
			s.sess.signOut()
		}
		out := *e
		out.Field = "oldPassword"
		if e.Code == CodeLoginBad {
			out.Code, out.Message = "password.old", "原密码不正确。"+strings.TrimPrefix(e.Message, msgBadLogin)
		}
		return &out
	}
	return err
}

func checkName(name, field string) error {
	switch n := len([]rune(strings.TrimSpace(name))); {
	case n == 0:
		return fieldError(field, "user.name", "请填写姓名。")
	case n > 30:
		return fieldError(field, "user.name", "姓名太长（最多 30 个字）。")
	}
	return nil
}

func checkLogin(login, field string) error {
	if len(login) < 2 || len(login) > 32 {
		return fieldError(field, "user.login", "登录名应为 2 至 32 个字母、数字、点、下划线或连字符。")
	}
	for _, r := range login {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return fieldError(field, "user.login", "登录名应为 2 至 32 个字母、数字、点、下划线或连字符。")
		}
	}
	return nil
}
