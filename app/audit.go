package app

import (
	"fmt"
	"time"

	"laifang/store"
)

// Audit is the viewer of the audit log (settings), its verification, and
// the entries the UI itself reports (a letter printed, a list exported).
type Audit struct{ svc }

// AuditQuery filters the viewer: by person, action and date (YYYY-MM-DD,
// inclusive), a page at a time (Before: the last Seq of the page before).
type AuditQuery struct {
	User   uint64 `json:"user"`
	Action string `json:"action"`
	From   string `json:"from"`
	To     string `json:"to"`
	Before uint64 `json:"before"`
	Limit  int    `json:"limit"`
}

// AuditRow is one entry as the viewer shows it.
type AuditRow struct {
	Seq         uint64 `json:"seq"`
	At          string `json:"at"` // RFC 3339
	UserID      uint64 `json:"userId"`
	UserName    string `json:"userName"`
	Action      string `json:"action"`
	Entity      string `json:"entity"`
	EntityID    uint64 `json:"entityId"`
	Summary     string `json:"summary"`
	Reason      string `json:"reason"`
	Workstation string `json:"workstation"`
	// Record is the entity as a person names it: 用户「李小红」, 单位设置,
	// 事项 2026-000002.
	Record string `json:"record"`
}

// AuditRows is one page of the viewer, newest first.
type AuditRows struct {
	Rows []AuditRow `json:"rows"`
	More bool       `json:"more"`
}

// AuditCheck is the result of verifying the chain.
type AuditCheck struct {
	OK       bool           `json:"ok"`
	Entries  int            `json:"entries"`
	Problems []AuditProblem `json:"problems"`
	Head     AuditHead      `json:"head"`
}

// AuditHead is the chain's newest entry, which the head of office notes on
// paper, and the heads the copies left in the backup folder, each compared
// with the log.
type AuditHead struct {
	Count     uint64        `json:"count"` // entries written
	Hash      string        `json:"hash"`
	Short     string        `json:"short"` // the hash's first 16 digits, in groups of four
	BackupDir string        `json:"backupDir"`
	Anchors   []AuditAnchor `json:"anchors"` // oldest first
}

// AuditAnchor is one backup's anchor and what the log says to it.
type AuditAnchor struct {
	At     string `json:"at"` // RFC 3339; empty for an unreadable line
	Count  uint64 `json:"count"`
	Short  string `json:"short"`
	Backup string `json:"backup"`
	Status string `json:"status"` // ok, short, rewritten, restored, unreadable
	Detail string `json:"detail"`
}

// AuditProblem is one break of the chain.
type AuditProblem struct {
	Seq    uint64 `json:"seq"`
	Kind   string `json:"kind"` // changed, removed, reordered, damaged
	Detail string `json:"detail"`
}

// The actions the log records, by name. The store writes three of them
// itself in the transaction it makes (intake: SaveIntake; delete:
// DeleteCase; restore: a restored file), under the same names.
const (
	ActionSetup          = "setup"
	ActionLogin          = "login"
	ActionLoginFailed    = "login.failed"
	ActionLogout         = "logout"
	ActionUnlock         = "unlock"
	ActionUserCreate     = "user.create"
	ActionUserEdit       = "user.edit"
	ActionUserPassword   = "user.password"
	ActionUserUnlock     = "user.unlock"
	ActionSettingsEdit   = "settings.edit"
	ActionDictEdit       = "dict.edit"
	ActionIntake         = "intake"
	ActionVisit          = "visit"
	ActionDispose        = "dispose"
	ActionEdit           = "edit"
	ActionDelete         = "delete"
	ActionReveal         = "reveal"
	ActionPrint          = "print"
	ActionExport         = "export"
	ActionBackup         = "backup"
	ActionRestore        = "restore"
	ActionPurge          = "purge"
	ActionWordingCreate  = "wording.create"
	ActionWordingEdit    = "wording.edit"
	ActionWordingApprove = "wording.approve"
	ActionWordingRetire  = "wording.retire"
	ActionStep           = "case.step"    // a step of a case after registration (casestep.go)
	ActionServe          = "case.serve"   // a notice or a reply served
	ActionRating         = "case.rating"  // satisfaction recorded or corrected
	ActionArchive        = "case.archive" // a case archived with its number
	ActionImport         = "import"       // a batch of an old ledger imported (ledgerimport.go)
)

// AuditActions are the actions the log records, every one written; the UI
// names them (langs: audit.actions) and the viewer filters by them.
var AuditActions = []string{ActionSetup, ActionLogin, ActionLoginFailed, ActionLogout, ActionUnlock, ActionUserCreate, ActionUserEdit, ActionUserPassword, ActionUserUnlock, ActionSettingsEdit, ActionDictEdit, ActionIntake, ActionVisit, ActionDispose, ActionEdit, ActionDelete, ActionReveal, ActionPrint, ActionExport, ActionBackup, ActionRestore, ActionPurge, ActionWordingCreate, ActionWordingEdit, ActionWordingApprove, ActionWordingRetire, ActionStep, ActionServe, ActionRating, ActionArchive, ActionTaskCreate, ActionTaskStep, ActionTaskUrge,
	ActionLetterIssue, ActionLetterTemplate, ActionImport}

// List reads the log, newest first, with filters.
func (s *Audit) List(q AuditQuery) (AuditRows, error) {
	_, st, err := s.gate("Audit.List", q)
	if err != nil {
		return AuditRows{}, err
	}
	f := store.AuditFilter{User: q.User, Action: q.Action, Before: q.Before, Limit: q.Limit}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 100
	}
	if q.From != "" {
		t, err := time.ParseInLocation("2006-01-02", q.From, time.Local)
		if err != nil {
			return AuditRows{}, fieldError("from", "audit.date", "开始日期格式应为 2026-03-02。")
		}
		f.From = store.StampOf(t)
	}
	if q.To != "" {
		t, err := time.ParseInLocation("2006-01-02", q.To, time.Local)
		if err != nil {
			return AuditRows{}, fieldError("to", "audit.date", "结束日期格式应为 2026-03-02。")
		}
		f.To = store.StampOf(t.AddDate(0, 0, 1))
	}
	out := AuditRows{Rows: []AuditRow{}}
	err = st.View(func(tx *store.Tx) error {
		p, err := tx.FindAudit(f)
		if err != nil {
			return err
		}
		names := map[uint64]string{}
		records := map[string]string{}
		for _, e := range p.Entries {
			name, ok := names[e.User]
			if !ok && e.User != 0 {
				if u, err := tx.User(e.User); err == nil {
					name = u.Name
				}
				names[e.User] = name
			}
			out.Rows = append(out.Rows, AuditRow{Seq: e.Seq, At: e.At.Time().Format(time.RFC3339), UserID: e.User,
				UserName: name, Action: e.Action, Entity: e.Entity, EntityID: e.EntityID,
				Record: recordName(tx, records, e.Entity, e.EntityID), Summary: e.Summary,
				Reason: e.Reason, Workstation: e.Workstation})
		}
		out.More = p.More
		return nil
	})
	return out, err
}

// recordName names an audit entry's entity as a person would, from the
// file as it is now (a renamed user shows the new name), each once per
// page (seen).
func recordName(tx *store.Tx, seen map[string]string, entity string, id uint64) string {
	key := fmt.Sprintf("%s#%d", entity, id)
	if name, ok := seen[key]; ok {
		return name
	}
	var name string
	switch entity {
	case "settings":
		name = "单位设置"
	case "file":
		name = "数据文件"
	case "dict":
		name = "字典"
	case "calendar":
		name = "节假日"
	case "profile":
		name = "时限方案"
	case "import":
		name = "旧台账导入"
	case "stats":
		name = "统计报表"
	case "ledger":
		name = "台账"
	case "user":
		if u, err := tx.User(id); err == nil {
			name = "用户「" + u.Name + "」"
		} else if id != 0 {
			name = fmt.Sprintf("用户（编号 %d）", id)
		}
	case "case":
		if c, err := tx.Case(id); err == nil && c.No != "" {
			name = "事项 " + c.No
		} else if id != 0 {
			name = fmt.Sprintf("事项（编号 %d，已不在文件中）", id)
		}
	case "wording":
		if w, err := tx.Wording(id); err == nil {
			name = "口径「" + clip(w.Topic, 30) + "」"
		} else if id != 0 {
			name = fmt.Sprintf("口径（编号 %d）", id)
		}
	default:
		if entity != "" {
			name = entity
		}
	}
	seen[key] = name
	return name
}

// Verify checks the whole chain (as `laifang audit verify` does).
func (s *Audit) Verify() (AuditCheck, error) {
	_, st, err := s.gate("Audit.Verify")
	if err != nil {
		return AuditCheck{}, err
	}
	r, err := st.VerifyAudit()
	if err != nil {
		return AuditCheck{}, err
	}
	out := AuditCheck{OK: r.OK(), Entries: r.Entries, Problems: []AuditProblem{},
		Head: auditHead(st, r.Head, r.Anchors)}
	for _, p := range r.Problems {
		out.Problems = append(out.Problems, AuditProblem{Seq: p.Seq, Kind: p.Kind, Detail: p.Detail})
	}
	return out, nil
}

// Head is the chain's head and the anchors compared with the log, without
// walking the whole log: what the audit screen shows when it opens.
func (s *Audit) Head() (AuditHead, error) {
	_, st, err := s.gate("Audit.Head")
	if err != nil {
		return AuditHead{}, err
	}
	anchors, err := st.Anchors()
	if err != nil {
		return AuditHead{}, err
	}
	var out AuditHead
	err = st.View(func(tx *store.Tx) error {
		// A damaged last entry still shows the count; Verify names the damage.
		h, _ := tx.AuditHead()
		checks, err := tx.CheckAnchors(anchors)
		out = auditHead(st, h, checks)
		return err
	})
	return out, err
}

func auditHead(st *store.Store, h store.AuditHead, checks []store.AnchorCheck) AuditHead {
	out := AuditHead{Count: h.Count, Hash: h.Hash, Short: store.ShortHash(h.Hash), BackupDir: st.BackupDir(),
		Anchors: []AuditAnchor{}}
	for _, c := range checks {
		a := AuditAnchor{Count: c.Count, Short: store.ShortHash(c.Hash), Backup: c.Backup, Status: c.Status, Detail: c.Detail}
		if !c.At.IsZero() {
			a.At = c.At.Format(time.RFC3339)
		}
		out.Anchors = append(out.Anchors, a)
	}
	return out
}

// Documents the UI prints (PrintNote.Kind).
const (
	PrintForm        = "form"        // 来访登记表: Visits.Form
	PrintRecordSheet = "recordSheet" // 接谈笔录: Cases.RecordSheet
)

// PrintNote names what the UI printed: the kind of document and the ids
// it was read with. The server checks that it exists and writes the audit
// entry's words itself: nothing the client sends becomes audit text.
type PrintNote struct {
	Kind    string `json:"kind"` // PrintForm, PrintRecordSheet
	CaseID  uint64 `json:"caseId"`
	VisitID uint64 `json:"visitId"` // the form's visit (0: the first)
	EventID uint64 `json:"eventId"` // the record sheet's timeline entry
}

// Printed records a print (the native print dialog is the UI's). It needs
// what reading the document needs (printPerms), so a session records only
// what it may print.
func (s *Audit) Printed(n PrintNote) error {
	act, st, err := s.gate("Audit.Printed", n)
	if err != nil {
		return err
	}
	return st.Update(func(tx *store.Tx) error {
		if !caseVisible(tx, act, n.CaseID) {
			return store.ErrNotFound
		}
		var summary string
		switch n.Kind {
		case PrintForm:
			c, v, err := formVisit(tx, n.CaseID, n.VisitID)
			if err != nil {
				return err
			}
			summary = fmt.Sprintf("打印来访登记表：%s（来访 %d）", c.No, v.ID)
		case PrintRecordSheet:
			c, err := tx.Case(n.CaseID)
			if err != nil {
				return err
			}
			if _, _, _, err := sheetRecord(tx, n.CaseID, n.EventID); err != nil {
				return err
			}
			summary = fmt.Sprintf("打印接谈笔录：%s（记录 %d）", c.No, n.EventID)
		default:
			return fieldError("kind", CodeBadRequest, "不认识要记录的打印文书。")
		}
		return s.audit(tx, act, ActionPrint, "case", n.CaseID, summary, "")
	})
}
