package app

import (
	"errors"
	"slices"
	"strings"

	"laifang/store"
)

// Users is the administrator's list of staff.
type Users struct{ svc }

// UserInput is a user as the administrator edits it. ID 0 adds a user
// (Password then required); Rev is the revision the form was opened with.
type UserInput struct {
	ID           uint64 `json:"id"`
	Login        string `json:"login"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	Confidential bool   `json:"confidential"`
	Active       bool   `json:"active"`
	// Unit is the department (承办单位): required for a handler, who sees
	// its cases alone (scope.go); any role may have one.
	Unit     uint64 `json:"unit"`
	Password string `json:"password,omitempty"`
	Rev      uint64 `json:"rev"`
}

// StaffMember is a name to show or choose (the audit filter, a handler).
type StaffMember struct {
	ID     uint64 `json:"id"`
	Name   string `json:"name"`
	Role   string `json:"role"`
	Active bool   `json:"active"`
}

// Directory lists the staff's names for any signed-in user.
func (s *Users) Directory() ([]StaffMember, error) {
	_, st, err := s.gate("Users.Directory")
	if err != nil {
		return nil, err
	}
	out := []StaffMember{}
	err = st.View(func(tx *store.Tx) error {
		us, err := tx.Users()
		for _, u := range us {
			out = append(out, StaffMember{ID: u.ID, Name: u.Name, Role: u.Role, Active: u.Active})
		}
		return err
	})
	return out, err
}

// List lists every user with their role and state.
func (s *Users) List() ([]UserInfo, error) {
	_, st, err := s.gate("Users.List")
	if err != nil {
		return nil, err
	}
	return allUsers(st)
}

// allUsers is every account as the users screen and `laifang users list`
// show it.
func allUsers(st *store.Store) ([]UserInfo, error) {
	out := []UserInfo{}
	err := st.View(func(tx *store.Tx) error {
		us, err := tx.Users()
		for i := range us {
			out = append(out, userInfo(&us[i]))
		}
		return err
	})
	return out, err
}

// Save adds or edits a user. An edit of a user changed by someone else
// since the form was opened is refused (CodeStale). The last active
// administrator cannot be demoted or switched off.
func (s *Users) Save(in UserInput) (UserInfo, error) {
	act, st, err := s.gate("Users.Save", in)
	if err != nil {
		return UserInfo{}, err
	}
	in.Login, in.Name = strings.TrimSpace(in.Login), strings.TrimSpace(in.Name)
	if err := checkName(in.Name, "name"); err != nil {
		return UserInfo{}, err
	}
	if err := checkLogin(in.Login, "login"); err != nil {
		return UserInfo{}, err
	}
	if !slices.Contains(Roles, in.Role) {
		return UserInfo{}, fieldError("role", "user.role", "请选择角色。")
	}
	hash := ""
	if in.ID == 0 || in.Password != "" {
		if err := checkPasswordRule(in.Password); err != nil {
			return UserInfo{}, err
		}
		if hash, err = s.app.hash(in.Password); err != nil {
			return UserInfo{}, err
		}
	}
	var u *store.User
	err = st.Update(func(tx *store.Tx) error {
		action := ActionUserCreate
		u = &store.User{}
		if in.ID != 0 {
			old, err := tx.User(in.ID)
			if err != nil {
				return err
			}
			u, action = old, ActionUserEdit
			if old.Role == RoleAdmin && old.Active && (in.Role != RoleAdmin || !in.Active) {
				n, err := activeAdmins(tx)
				if err != nil {
					return err
				}
				if n <= 1 {
					return fieldError("role", "user.lastAdmin", "这是唯一在用的管理员账号，不能改为其他角色或停用。")
				}
			}
		}
		if err := checkUserUnit(tx, in.Role, in.Unit); err != nil {
			return err
		}
		u.Login, u.Name, u.Role, u.Confidential, u.Active, u.Rev = in.Login, in.Name, in.Role, in.Confidential, in.Active, in.Rev
		u.Unit = in.Unit
		if hash != "" {
			u.PassHash = hash
		}
		if err := tx.UpdateUser(u); err != nil {
			if errors.Is(err, store.ErrConflict) {
				return fieldError("login", "user.loginTaken", "这个登录名已被使用。")
			}
			return err
		}
		return s.audit(tx, act, action, "user", u.ID, userSummary(u), "")
	})
	if err != nil {
		return UserInfo{}, err
	}
	return userInfo(u), nil
}

// checkUserUnit: a handler belongs to an active department; another role
// may name one (that exists) or none.
func checkUserUnit(tx *store.Tx, role string, unit uint64) error {
	msg := "承办人须选择所属承办单位。"
	if unit == 0 {
		if role == RoleHandler {
			return fieldError("unit", "user.unit", msg)
		}
		return nil
	}
	u, err := tx.Unit(unit)
	if errors.Is(err, store.ErrNotFound) {
		return fieldError("unit", "user.unit", "所选单位不存在，请重新选择。")
	}
	if err != nil {
		return err
	}
	if !u.Active && role == RoleHandler {
		return fieldError("unit", "user.unit", "「"+u.Name+"」已停用，"+msg)
	}
	return nil
}

func userSummary(u *store.User) string {
	s := u.Login + "，" + roleName(u.Role)
	if u.Confidential {
		s += "，可查看保密件"
	}
	if !u.Active {
		s += "，已停用"
	}
	return s
}

func activeAdmins(tx *store.Tx) (int, error) {
	us, err := tx.Users()
	n := 0
	for _, u := range us {
		if u.Role == RoleAdmin && u.Active {
			n++
		}
	}
	return n, err
}

// SetPassword gives a user a new password (they forgot theirs) and lifts a
// lockout.
func (s *Users) SetPassword(id uint64, password string) error {
	act, st, err := s.gate("Users.SetPassword", named("password", password))
	if err != nil {
		return err
	}
	if err := checkPasswordRule(password); err != nil {
		return err
	}
	hash, err := s.app.hash(password)
	if err != nil {
		return err
	}
	return st.Update(func(tx *store.Tx) error {
		u, err := tx.User(id)
		if err != nil {
			return err
		}
		u.PassHash, u.Failed, u.LastFail, u.LockedUntil = hash, 0, 0, 0
		if err := tx.SaveUser(u); err != nil {
			return err
		}
		return s.audit(tx, act, ActionUserPassword, "user", u.ID, "管理员重设密码："+u.Login, "")
	})
}

// Unlock lifts a lockout caused by failed logins.
func (s *Users) Unlock(id uint64) error {
	act, st, err := s.gate("Users.Unlock")
	if err != nil {
		return err
	}
	return st.Update(func(tx *store.Tx) error {
		u, err := tx.User(id)
		if err != nil {
			return err
		}
		u.Failed, u.LastFail, u.LockedUntil = 0, 0, 0
		if err := tx.SaveUser(u); err != nil {
			return err
		}
		return s.audit(tx, act, ActionUserUnlock, "user", u.ID, "解除锁定："+u.Login, "")
	})
}
