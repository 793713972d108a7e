package app

import (
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"unicode/utf8"

	"laifang/store"
)

// Error is what the UI receives when a service method fails: a stable code
// the UI can branch on and a Chinese message it can show next to a field.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	// Field names the input the error is about, when there is one.
	Field string `json:"field,omitempty"`
	// Fields are every problem of a form at once (the intake form has
	// dozens of inputs: the clerk sees all of them, not one per save).
	// Field and Message above are then the first of them.
	Fields []Issue `json:"fields,omitempty"`
}

// Issue is one problem with one input of a form: a refusal, or a warning
// that does not block saving. Field is a path the UI can place, such as
// "people[1].idNumber" or "record.start".
type Issue struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

// newError builds an Error; callers pass a fixed code and a Chinese message.
func newError(code, message string) *Error { return &Error{Code: code, Message: message} }

// fieldError is an Error about one input of a form. Its arguments come
// in the order of Issue and issues.err: field, code, message.
func fieldError(field, code, message string) *Error {
	return &Error{Code: code, Message: message, Field: field}
}

// Codes shared across services.
const (
	CodeInternal    = "internal"
	CodeStoreLocked = "store.locked"
	CodeDamaged     = "store.damaged"
	CodeNewerSchema = "store.newer"
	CodeNotFound    = "not_found"
	CodeBadRequest  = "bad_request"
	CodeStale       = "record.stale"
	CodeConflict    = "conflict"
	CodeInvalid     = "invalid" // a form with one or more Fields to correct
)

// Codes of a form's Issues, shared by every form that checks the same
// kind of input.
const (
	CodeRequired  = "intake.required"   // an input that must be filled is empty
	CodeTooLong   = "intake.too_long"   // longer than its limit
	CodeDate      = "intake.date"       // a date or time that cannot be read
	CodeFuture    = "intake.future"     // a date or time after now
	CodeEndBefore = "intake.end_before" // an end before its start
	CodeDict      = "intake.dict"       // a code not in its dictionary
	CodeRisk      = "intake.risk"       // risk notes or tags without PermRisk
	CodeScripts   = "record.scripts"    // a wording entry a record may not cite
)

// Codes of a refused sign-in.
const (
	CodeLoginEmpty = "login.empty"     // no login name or password
	CodeLoginBad   = "login.bad"       // wrong login name or password
	CodeLoginWait  = "login.wait"      // too many failures: wait before the next try
	CodeLockedOut  = "login.lockedOut" // the account is locked after failures
)

// MsgStale is what a clerk reads when someone else saved the record first.
const MsgStale = "保存未成功：这条记录在您打开之后已被其他人修改。为避免覆盖对方的修改，请重新打开记录，核对后再保存。"

// AsError turns any error into the {code, message} the UI shows. Errors not
// made for the user are logged and replaced by a generic message, so no
// internal detail (paths, personal data) reaches a screen by accident.
func AsError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	// The pure rule packages (domain/idcard, domain/phone, domain/casestate,
	// domain/deadline, domain/dict) keep their own error types so that they do
	// not import app; each carries a stable code and a Chinese message, and
	// some the field they are about.
	var coded interface {
		Code() string
		Message() string
	}
	if errors.As(err, &coded) {
		out := newError(coded.Code(), coded.Message())
		if f, ok := coded.(interface{ Field() string }); ok {
			out.Field = f.Field()
		}
		return out
	}
	switch {
	case errors.Is(err, store.ErrLocked):
		return newError(CodeStoreLocked, "数据文件正被另一个程序使用（可能已打开了另一个来访接待窗口或服务）。请关闭它后重试。")
	case errors.Is(err, store.ErrDamaged):
		return newError(CodeDamaged, "数据文件已损坏，无法读取。请关闭本程序，用 laifang restore 恢复最近的一份备份（备份文件夹中按日期命名的文件）。")
	case errors.Is(err, store.ErrNewerSchema):
		return newError(CodeNewerSchema, "数据文件由更新版本的来访接待程序写入，本程序无法读取。请安装该版本或更新的版本。")
	case errors.Is(err, store.ErrNotFound):
		return newError(CodeNotFound, "记录不存在或已被删除。")
	case errors.Is(err, store.ErrStale):
		return newError(CodeStale, MsgStale)
	}
	slog.Error("internal error", "err", err)
	return newError(CodeInternal, "系统内部错误，请重试；如果仍然出错，请联系管理员。")
}

// FormatError is Wails' ErrorFormatter. Its runtime rejects the promise with
// new Error(<formatted>), which keeps a string but not an object, so the
// {code, message} travels as JSON text; the frontend's api layer parses it.
func FormatError(err error) any {
	b, _ := json.Marshal(AsError(err))
	return string(b)
}

// issues collects Issues, and the inputs the form requires as it stands.
type issues struct {
	errs, warns []Issue
	required    []string
}

// need records that field must be filled, for the form as it stands, and
// refuses it (code, msg) when it is not: what the form marks required and
// what the check refuses as missing are one statement and cannot drift.
// It returns filled.
func (is *issues) need(field string, filled bool, code, msg string) bool {
	is.required = append(is.required, field)
	if !filled {
		is.err(field, code, msg)
	}
	return filled
}

func (is *issues) err(field, code, msg string) {
	is.errs = append(is.errs, Issue{Field: field, Code: code, Message: msg})
}

func (is *issues) warn(field, code, msg string) {
	is.warns = append(is.warns, Issue{Field: field, Code: code, Message: msg})
}

// coded adds the refusal of a rule package (idcard, phone, casestate) at a
// field.
func (is *issues) coded(field string, e error) {
	a := AsError(e)
	is.err(field, a.Code, a.Message)
}

func checkLen(is *issues, field, label, s string, max int) {
	if utf8.RuneCountInString(s) > max {
		is.err(field, CodeTooLong, fmt.Sprintf("%s不能超过 %d 个字。", label, max))
	}
}

// invalid is the error of a form with problems: every one of them, the
// first also as the error's own field and message.
func invalid(errs []Issue) error {
	e := &Error{Code: CodeInvalid, Fields: errs}
	if len(errs) == 1 {
		e.Message, e.Field = errs[0].Message, errs[0].Field
	} else {
		e.Message = fmt.Sprintf("登记表有 %d 处需要更正：%s", len(errs), errs[0].Message)
		e.Field = errs[0].Field
	}
	return e
}
