package dict

import "strconv"

// Error is a refusal with a stable code and a Chinese message; app maps it
// to app.Error. Field, when set, is the input of the settings form it is
// about ("entries[3].code"), so that the message shows beside that row.
type Error struct{ code, message, field string }

func (e *Error) Error() string   { return e.code + ": " + e.message }
func (e *Error) Code() string    { return e.code }
func (e *Error) Message() string { return e.message }
func (e *Error) Field() string   { return e.field }

// Is matches the refusal whatever row it names (errors.Is(err, ErrCode)).
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.code == e.code
}

// at is the refusal about input name of entry i.
func (e *Error) at(i int, name string) *Error {
	return &Error{e.code, e.message, "entries[" + strconv.Itoa(i) + "]." + name}
}

// The refusals when an office edits a list.
var (
	ErrCode      = &Error{code: "dict.code", message: "请填写代码，最多 40 个字符。"}
	ErrLabel     = &Error{code: "dict.label", message: "请填写名称。"}
	ErrDuplicate = &Error{code: "dict.duplicate", message: "代码与其他项重复。"}
	ErrParent    = &Error{code: "dict.parent", message: "上级分类不存在，或它本身已是第二级。"}
)
