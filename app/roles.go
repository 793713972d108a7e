package app

import (
	"slices"

	"laifang/domain/casestate"
)

// Roles of staff (docs/DOMAIN.md §2). The right to see a
// whistle-blower's identity is not a role: it is a grant any user may hold
// (User.Confidential), checked as PermConfidential.
const (
	RoleAdmin   = "admin"   // 管理员
	RoleClerk   = "clerk"   // 登记员
	RoleHead    = "head"    // 负责人
	RoleHandler = "handler" // 承办人
	RoleReader  = "reader"  // 查阅
)

// Roles lists the roles in the order the UI offers them.
var Roles = []string{RoleAdmin, RoleClerk, RoleHead, RoleHandler, RoleReader}

// RoleNames are the roles' Chinese names (errors, the audit viewer).
var RoleNames = map[string]string{
	RoleAdmin: "管理员", RoleClerk: "登记员", RoleHead: "负责人", RoleHandler: "承办人", RoleReader: "查阅",
}

// Perm is something a session may be allowed to do.
type Perm string

// Gates that are not granted by a role but by the state of the session.
const (
	// PermPublic: anyone, without signing in (the login screen).
	PermPublic Perm = "public"
	// PermLocked: a signed-in session, even while the idle lock is on.
	PermLocked Perm = "locked"
	// PermSignedIn: any signed-in, unlocked session.
	PermSignedIn Perm = "signedIn"
	// PermConfidential: the confidential grant (User.Confidential).
	PermConfidential Perm = "confidential"
)

// Permissions granted by roles. Later services add theirs here and use
// them in the method table below.
const (
	PermUsers      Perm = "users.manage"      // add users, roles, passwords
	PermSettings   Perm = "settings.edit"     // the office's settings
	PermAuditView  Perm = "audit.view"        // read the audit log
	PermAuditCheck Perm = "audit.verify"      // verify the chain
	PermPurge      Perm = "retention.purge"   // purge cases past retention
	PermBackup     Perm = "backup"            // copy and restore the data file
	PermCaseRead   Perm = "case.read"         // see cases (masked lists)
	PermCaseWrite  Perm = "case.write"        // register visits, edit cases
	PermCaseDecide Perm = "case.decide"       // accept, extend, sign replies
	PermCaseHandle Perm = "case.handle"       // 办理: the work on an accepted case
	PermCaseFollow Perm = "case.follow"       // record what happened outside (a request, a service)
	PermTaskReport Perm = "task.report"       // a department's feedback
	PermAllUnits   Perm = "units.all"         // every department's cases and tasks (else one's own: scope.go)
	PermPersonFull Perm = "person.full"       // ID numbers and phones in full in the case view
	PermPrint      Perm = "print"             // letters and forms
	PermExport     Perm = "export"            // the ledger to Excel
	PermRisk       Perm = "case.risk"         // write and read risk notes and tags (sensitive judgments)
	PermWording    Perm = "wording.write"     // draft wording-library entries
	PermWordingOK  Perm = "wording.approve"   // approve and retire them (the head)
	PermTemplates  Perm = "letters.templates" // edit the letter templates (admin, head)
)

// RolePerms is who may do what, by role. It is also the only map from
// roles to the steps of a case: each step of domain/casestate names the
// permission it needs (case.write, case.decide, case.handle, case.follow).
var RolePerms = map[string][]Perm{
	RoleAdmin: {PermUsers, PermSettings, PermAuditView, PermAuditCheck, PermPurge, PermBackup, PermCaseRead, PermAllUnits,
		PermTemplates},
	RoleClerk: {PermCaseRead, PermCaseWrite, PermCaseFollow, PermPersonFull, PermPrint, PermExport, PermRisk,
		PermWording, PermAllUnits},
	RoleHead: {PermCaseRead, PermCaseWrite, PermCaseDecide, PermCaseHandle, PermCaseFollow, PermPersonFull, PermPrint,
		PermExport, PermAuditView, PermAuditCheck, PermRisk, PermWording, PermWordingOK, PermAllUnits,
		PermTemplates},
	RoleHandler: {PermCaseRead, PermCaseHandle, PermCaseFollow, PermTaskReport, PermPrint},
	RoleReader:  {PermCaseRead, PermAllUnits},
}

// printPerms is what printing a document of a case needs, whatever the
// document (the registration form, the record sheet) and the record of
// the print: read the case, and print.
var printPerms = []Perm{PermCaseRead, PermPrint}

// MethodPerms is the one table of what each bound method needs, by
// "Service.Method". Every bound method must be here (a test calls each one
// as every role, with and without the confidential grant, and compares the
// outcome with this table); a method not here is refused to everyone.
var MethodPerms = map[string][]Perm{
	"Auth.State":          {PermPublic},
	"Auth.Setup":          {PermPublic},
	"Auth.Login":          {PermPublic},
	"Auth.Logout":         {PermLocked},
	"Auth.Unlock":         {PermLocked},
	"Auth.Lock":           {PermSignedIn},
	"Auth.ChangePassword": {PermSignedIn},

	"System.Info":     {PermSignedIn},
	"System.Backup":   {PermBackup},
	"System.SaveFile": {PermSignedIn},

	"Users.Directory":   {PermSignedIn},
	"Users.List":        {PermUsers},
	"Users.Save":        {PermUsers},
	"Users.SetPassword": {PermUsers},
	"Users.Unlock":      {PermUsers},

	"Settings.Get":  {PermSignedIn},
	"Settings.Save": {PermSettings},

	"Audit.List":    {PermAuditView},
	"Audit.Verify":  {PermAuditCheck},
	"Audit.Head":    {PermAuditView},
	"Audit.Printed": printPerms,

	"Retention.List":  {PermPurge},
	"Retention.Purge": {PermPurge},

	"Privacy.Reveal": {PermCaseRead, PermConfidential},

	// Read at every pause in typing: checked, not audited.
	"Repeat.Panel": {PermCaseRead},

	"Wording.List":    {PermCaseRead},
	"Wording.Save":    {PermWording},
	"Wording.Approve": {PermWordingOK},
	"Wording.Retire":  {PermWordingOK},

	"Cases.List":          {PermCaseRead},
	"Cases.Get":           {PermCaseRead},
	"Cases.AddRecord":     {PermCaseWrite},
	"Cases.CorrectRecord": {PermCaseWrite},
	"Cases.RecordSheet":   printPerms,
	// The step's own permission is the state machine's (stepInput) or the
	// record's (casestep.go recordSteps), checked by Cases.Step.
	"Cases.Steps": {PermCaseRead},
	"Cases.Step":  {PermCaseRead},

	// The ledger (台账); its export is audited when the file is whole.
	"Ledger.Options":        {PermCaseRead},
	"Ledger.List":           {PermCaseRead},
	"Ledger.Export":         {PermCaseRead, PermExport},
	"Ledger.ExportProgress": {PermCaseRead, PermExport},
	"Ledger.ExportFile":     {PermCaseRead, PermExport},

	"Visits.Options":   {PermCaseWrite},
	"Visits.Check":     {PermCaseWrite},
	"Visits.Register":  {PermCaseWrite},
	"Visits.Draft":     {PermCaseWrite},
	"Visits.SaveDraft": {PermCaseWrite},
	"Visits.Today":     {PermCaseRead},
	"Visits.Form":      printPerms,

	// The 督办 screen. Step checks the step's own permission (app/tasks.go
	// taskSteps): the department's steps, the head's decisions.
	"Tasks.List":   {PermCaseRead},
	"Tasks.Get":    {PermCaseRead},
	"Tasks.Step":   {PermCaseRead},
	"Tasks.Urge":   {PermCaseWrite},
	"Tasks.Create": {PermCaseWrite},
	// The home screen's work queue.
	"Home.Queue": {PermCaseRead},

	"Stats.Report":  {PermCaseRead},
	"Stats.Export":  {PermCaseRead, PermExport},
	"Stats.Printed": printPerms,

	"Dicts.List":  {PermSignedIn},
	"Dicts.Save":  {PermSettings},
	"Dicts.Reset": {PermSettings},

	"Calendar.Holidays":       {PermSignedIn},
	"Calendar.SaveHolidays":   {PermSettings},
	"Calendar.ImportHolidays": {PermSettings},
	"Calendar.ExportHolidays": {PermSignedIn},
	"Calendar.Profiles":       {PermSignedIn},
	"Calendar.SaveProfile":    {PermSettings},
	"Calendar.UseProfile":     {PermSettings},
	"Units.List":              {PermSignedIn},
	"Units.Save":              {PermSettings},
	"Units.Delete":            {PermSettings},

	// 文书 (app/letters.go). Issue and Supersede also check the kind's own
	// permission (domain/letter: the desk's notices case.write, the
	// head's letters case.decide).
	"Letters.Kinds":              {PermSignedIn},
	"Letters.Placeholders":       {PermSignedIn},
	"Letters.Preview":            {PermCaseRead},
	"Letters.Issue":              printPerms,
	"Letters.Supersede":          printPerms,
	"Letters.Get":                printPerms,
	"Letters.List":               printPerms,
	"Letters.Printed":            printPerms,
	"Letters.Templates":          {PermSignedIn},
	"Letters.Template":           {PermSignedIn},
	"Letters.SaveTemplate":       {PermTemplates},
	"Letters.ResetTemplate":      {PermTemplates},
	"Letters.Layout":             {PermSignedIn},
	"Letters.SaveLayout":         {PermSettings},
	"Letters.NumberPatterns":     {PermSignedIn},
	"Letters.SaveNumberPatterns": {PermSettings},

	// Importing the office's old ledger writes cases (ledgerimport.go).
	"Import.Upload":   {PermCaseWrite},
	"Import.Check":    {PermCaseWrite},
	"Import.Run":      {PermCaseWrite},
	"Import.Progress": {PermCaseWrite},
}

// Screen is a screen of the menu and what opening it needs: the call it
// opens with (Opens), or, for a screen that calls nothing yet, Perms.
type Screen struct {
	Name  string // the UI's route name
	Opens string // "Service.Method" of MethodPerms
	Perms []Perm
}

// Screens are the menu's screens. The menu shows a screen iff the session
// may open it (AuthState.Screens), so no one is offered a screen whose
// first call Go would refuse.
var Screens = []Screen{
	{Name: "home", Opens: "System.Info"},
	{Name: "visits", Opens: "Visits.Options"},
	{Name: "cases", Opens: "Cases.List"},
	{Name: "supervision", Opens: "Tasks.List"},
	{Name: "letters", Opens: "Letters.List"},
	{Name: "ledger", Opens: "Ledger.List"},
	{Name: "reports", Opens: "Stats.Report"},
	{Name: "settings", Opens: "Settings.Get"},
}

// screensOf lists the screens a user with role and grant may open, in
// menu order.
func screensOf(role string, confidential bool) []string {
	out := []string{}
	for _, s := range Screens {
		need := s.Perms
		if s.Opens != "" {
			need = MethodPerms[s.Opens]
		}
		if holdsAll(role, confidential, need) {
			out = append(out, s.Name)
		}
	}
	return out
}

// mayCall tells whether act holds what MethodPerms says method needs: a
// screen offers a button for a call Go would let through, and no other.
func mayCall(act *Actor, method string) bool {
	return act != nil && holdsAll(act.Role, act.Confidential, MethodPerms[method])
}

// holdsAll tells whether a user with role and grant holds every one of
// need (none needed: nothing is held).
func holdsAll(role string, confidential bool, need []Perm) bool {
	ok := len(need) > 0
	for _, p := range need {
		ok = ok && may(role, confidential, p)
	}
	return ok
}

// may tells whether a signed-in user with role and grant holds p.
func may(role string, confidential bool, p Perm) bool {
	switch p {
	case PermPublic, PermLocked, PermSignedIn:
		return true
	case PermConfidential:
		return confidential
	}
	return slices.Contains(RolePerms[role], p)
}

// permsOf lists what a user holds, for the UI to hide what Go would refuse.
func permsOf(role string, confidential bool) []string {
	out := []string{}
	for _, p := range RolePerms[role] {
		out = append(out, string(p))
	}
	if confidential {
		out = append(out, string(PermConfidential))
	}
	return out
}

// IsPublic tells whether Service.Method may be called without a session
// (the HTTP transport lets nothing else through without a cookie).
func IsPublic(service, method string) bool {
	return slices.Contains(MethodPerms[service+"."+method], PermPublic)
}

// stepInput is what the state machine needs to know of the acting
// session to allow a step (domain/casestate.Check): every caller of Check
// starts from it, so who may take a step is decided in one place.
//
// The caller adds what the step itself carries (reason, days …) and, for
// an extension, what the case and the profile say (stepCase).
func stepInput(act *Actor) casestate.Input {
	return casestate.Input{May: stepMay(act)}
}

// stepMay is the acting session's permissions as the state machine asks
// for them: a step's permission is a Perm of RolePerms.
func stepMay(act *Actor) func(string) bool {
	return func(p string) bool { return act.May(Perm(p)) }
}

// allowedSteps lists the steps out of a state the session may take: the
// buttons and disposals to offer. It is what casestate.Check accepts of
// stepInput(act), needs aside.
func allowedSteps(act *Actor, from casestate.State) []casestate.Transition {
	return casestate.AllowedFor(from, stepMay(act))
}
