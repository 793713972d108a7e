package app

import (
	"strings"

	"laifang/store"
)

// Settings are the office's own settings, as the settings screen edits them.
type Settings struct{ svc }

// OfficeSettings is the part of the settings staff see and edit here.
type OfficeSettings struct {
	OrgName        string `json:"orgName"`
	OrgCode        string `json:"orgCode"`
	ReviewOrg      string `json:"reviewOrg"`
	RecheckOrg     string `json:"recheckOrg"`
	RegionCode     string `json:"regionCode"`
	IdleMinutes    int    `json:"idleMinutes"`    // 0: never lock
	RetentionYears int    `json:"retentionYears"` // after closing
	GroupThreshold int    `json:"groupThreshold"` // 集体访 from this many people present
	MaxDelegates   int    `json:"maxDelegates"`   // representatives a group may send
	WarnDays       int    `json:"warnDays"`       // a due date turns yellow this many days before
	HalfTimeAlert  bool   `json:"halfTimeAlert"`  // 需催办 when half a task's time is gone unsigned
	LetterPhone    string `json:"letterPhone"`    // the telephone letters give ({{联系电话}})
	Rev            uint64 `json:"rev"`
}

// DefaultRetentionYears applies until the office sets its own period.
const DefaultRetentionYears = 10

// Get reads the settings.
func (s *Settings) Get() (OfficeSettings, error) {
	_, st, err := s.gate("Settings.Get")
	if err != nil {
		return OfficeSettings{}, err
	}
	set, err := st.Settings()
	if err != nil {
		return OfficeSettings{}, err
	}
	return officeSettings(set), nil
}

func officeSettings(set *store.Settings) OfficeSettings {
	idle := idleMinutes(set)
	out := OfficeSettings{OrgName: set.OrgName, OrgCode: set.OrgCode, ReviewOrg: set.ReviewOrg,
		RecheckOrg: set.RecheckOrg, RegionCode: set.RegionCode, IdleMinutes: idle,
		RetentionYears: retentionYears(set), GroupThreshold: set.GroupThreshold, MaxDelegates: set.MaxDelegates,
		WarnDays: warnDays(set), HalfTimeAlert: !set.NoHalfTimeAlert, LetterPhone: set.LetterPhone, Rev: set.Rev}
	if out.GroupThreshold <= 0 {
		out.GroupThreshold = DefaultGroupThreshold
	}
	if out.MaxDelegates <= 0 {
		out.MaxDelegates = DefaultMaxDelegates
	}
	return out
}

// warnDays is how many days before a due date the office wants it
// yellow: the home queue, the case view and the 督办 list read this one
// number.
func warnDays(set *store.Settings) int {
	if set.WarnDays <= 0 {
		return DefaultWarnDays
	}
	return set.WarnDays
}

func retentionYears(set *store.Settings) int {
	if set.RetentionYears <= 0 {
		return DefaultRetentionYears
	}
	return set.RetentionYears
}

// Save changes the settings; a save over someone else's newer one is
// refused (CodeStale).
func (s *Settings) Save(in OfficeSettings) (OfficeSettings, error) {
	act, st, err := s.gate("Settings.Save", in)
	if err != nil {
		return OfficeSettings{}, err
	}
	in.OrgName, in.OrgCode = strings.TrimSpace(in.OrgName), strings.TrimSpace(in.OrgCode)
	in.ReviewOrg, in.RecheckOrg = strings.TrimSpace(in.ReviewOrg), strings.TrimSpace(in.RecheckOrg)
	in.LetterPhone = strings.TrimSpace(in.LetterPhone)
	switch {
	case in.OrgName == "" || len([]rune(in.OrgName)) > 100:
		return OfficeSettings{}, fieldError("orgName", "settings.orgName", "请填写单位名称（最多 100 个字）。")
	case in.OrgCode == "" || len([]rune(in.OrgCode)) > 10:
		return OfficeSettings{}, fieldError("orgCode", "settings.orgCode", "请填写机关代字（最多 10 个字）。")
	case len([]rune(in.ReviewOrg)) > 100:
		return OfficeSettings{}, fieldError("reviewOrg", "settings.reviewOrg", "复查机关名称太长（最多 100 个字）。")
	case len([]rune(in.RecheckOrg)) > 100:
		return OfficeSettings{}, fieldError("recheckOrg", "settings.recheckOrg", "复核机关名称太长（最多 100 个字）。")
	case in.RegionCode != "" && !isDigits(in.RegionCode, 6):
		return OfficeSettings{}, fieldError("regionCode", "settings.regionCode", "行政区划代码应为 6 位数字。")
	case in.IdleMinutes < 0 || in.IdleMinutes > 240:
		return OfficeSettings{}, fieldError("idleMinutes", "settings.idle", "自动锁屏时间应在 0 至 240 分钟之间（0 表示不锁屏）。")
	case in.RetentionYears < 1 || in.RetentionYears > 100:
		return OfficeSettings{}, fieldError("retentionYears", "settings.retention", "保管期限应在 1 至 100 年之间。")
	case in.GroupThreshold < 2 || in.GroupThreshold > 1000:
		return OfficeSettings{}, fieldError("groupThreshold", "settings.groupThreshold", "集体访人数应在 2 至 1000 人之间。")
	case in.MaxDelegates < 1 || in.MaxDelegates > 50:
		return OfficeSettings{}, fieldError("maxDelegates", "settings.maxDelegates", "代表人数上限应在 1 至 50 人之间。")
	case in.WarnDays < 1 || in.WarnDays > 30:
		return OfficeSettings{}, fieldError("warnDays", "settings.warnDays", "到期提醒天数应在 1 至 30 天之间。")
	case len([]rune(in.LetterPhone)) > 30:
		return OfficeSettings{}, fieldError("letterPhone", "settings.letterPhone", "联系电话太长（最多 30 个字）。")
	}
	var out *store.Settings
	err = st.Update(func(tx *store.Tx) error {
		set, err := tx.Settings()
		if err != nil {
			return err
		}
		set.OrgName, set.OrgCode, set.ReviewOrg, set.RecheckOrg = in.OrgName, in.OrgCode, in.ReviewOrg, in.RecheckOrg
		set.RegionCode, set.RetentionYears, set.Rev = in.RegionCode, in.RetentionYears, in.Rev
		set.IdleMinutes = in.IdleMinutes
		set.GroupThreshold, set.MaxDelegates = in.GroupThreshold, in.MaxDelegates
		set.WarnDays, set.NoHalfTimeAlert = in.WarnDays, !in.HalfTimeAlert
		set.LetterPhone = in.LetterPhone
		if in.IdleMinutes == 0 {
			set.IdleMinutes = -1 // stored: never; 0 in the file means the default
		}
		if err := tx.UpdateSettings(set); err != nil {
			return err
		}
		out = set
		return s.audit(tx, act, ActionSettingsEdit, "settings", 0, "修改单位设置", "")
	})
	if err != nil {
		return OfficeSettings{}, err
	}
	return officeSettings(out), nil
}
