package deadline

import "fmt"

// Error is a deadline error with a stable code and a Chinese message. The
// app maps it to app.Error (Code, Message, Field); this package does not
// import app so that imports point one way (app → domain/deadline).
type Error struct {
	code, message, field string
	base                 *Error // the sentinel this one was made from
}

func (e *Error) Error() string   { return e.code + ": " + e.message }
func (e *Error) Code() string    { return e.code }
func (e *Error) Message() string { return e.message }
func (e *Error) Field() string   { return e.field }

// Is makes errors.Is(err, ErrBadLimit) true for a detailed copy.
func (e *Error) Is(target error) bool { return e.base != nil && e.base == target }

func errorf(base *Error, field, format string, args ...any) *Error {
	return &Error{code: base.code, message: fmt.Sprintf(format, args...), field: field, base: base}
}

// The errors, by stable code.
var (
	ErrMissingClock   = &Error{code: "deadline.missing_clock", message: "时限配置缺少这一项"}
	ErrBadLimit       = &Error{code: "deadline.bad_limit", message: "时限天数应在1到365之间"}
	ErrNoStart        = &Error{code: "deadline.no_start", message: "缺少起算日期", field: "start"}
	ErrExtension      = &Error{code: "deadline.extension", message: "延期天数超过上限", field: "extension"}
	ErrExtensionClock = &Error{code: "deadline.extension_clock", message: "只有办理期限可以延期", field: "extension"}
	ErrDayYear        = &Error{code: "deadline.day_year", message: "日期不在这一年", field: "date"}
	ErrDayKind        = &Error{code: "deadline.day_kind", message: "请选择“休”或“班”", field: "kind"}
	ErrWorkWeekday    = &Error{code: "deadline.work_weekday", message: "调休上班只能是周六或周日", field: "kind"}
	ErrDayNote        = &Error{code: "deadline.day_note", message: "说明太长", field: "note"}
	ErrExcluded       = &Error{code: "deadline.excluded", message: "扣除天数只适用于按自然日计算的期限，且不能为负数", field: "excluded"}
	ErrExcludedClock  = &Error{code: "deadline.excluded_clock", message: "只有复核决定期限可以扣除听证时间", field: "excluded"}
)
