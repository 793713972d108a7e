package casestate

// Error is a refusal with a stable code, a Chinese message and, when the
// refusal is about one input, that input's field name (the JSON name the
// intake form uses). app maps it to app.Error.
type Error struct{ code, message, field string }

func (e *Error) Error() string   { return e.code + ": " + e.message }
func (e *Error) Code() string    { return e.code }
func (e *Error) Message() string { return e.message }
func (e *Error) Field() string   { return e.field }

// Is makes errors.Is(err, ErrDaysMax) true for a copy with a detailed
// message: the code names the refusal.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.code == e.code
}

// The refusals, by stable code.
var (
	ErrUnknownState  = &Error{"casestate.unknown_state", "案件状态不正确", ""}
	ErrUnknownAction = &Error{"casestate.unknown_action", "没有这项操作", ""}
	ErrNotAllowed    = &Error{"casestate.not_allowed", "案件当前的状态不能进行这项操作", ""}
	ErrRole          = &Error{"casestate.role", "您的角色不能进行这项操作", ""}
	ErrReason        = &Error{"casestate.reason", "请填写理由", "reason"}
	ErrBody          = &Error{"casestate.body", "请填写告知信访人的有权机关或法定途径", "body"}
	ErrUnit          = &Error{"casestate.unit", "请选择承办或接收单位", "unit"}
	ErrDue           = &Error{"casestate.due", "请填写交办期限", "due"}
	ErrOutcome       = &Error{"casestate.outcome", "处理意见应为予以支持、解释说明或不予支持", "outcome"}
	ErrNotIncoming   = &Error{"casestate.not_incoming", "只有上级转送、交办来的事项才能提出异议", ""}
	ErrDays          = &Error{"casestate.days", "请填写延期天数", "days"}
	ErrDaysMax       = &Error{"casestate.days_max", "延期天数超过时限方案的上限", "days"}
	ErrExtendedOnce  = &Error{"casestate.extended", "本事项已延期一次，不能再次延期", "days"}
	ErrLinked        = &Error{"casestate.linked", "重复来访只能对尚未处理的已登记事项记录登记时的处理方式", "disposal"}
)
