package dict

// Error is a refusal with a stable code and a Chinese message; app maps it
// to app.Error.
type Error struct{ code, message string }

func (e *Error) Error() string   { return e.code + ": " + e.message }
func (e *Error) Code() string    { return e.code }
func (e *Error) Message() string { return e.message }

// The refusals when an office edits a list.
var (
	ErrCode      = &Error{"dict.code", "代码不能为空，且不超过40个字符"}
	ErrLabel     = &Error{"dict.label", "名称不能为空"}
	ErrDuplicate = &Error{"dict.duplicate", "代码重复"}
	ErrParent    = &Error{"dict.parent", "上级分类不存在，或已是第二级"}
)
