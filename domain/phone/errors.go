package phone

// Error is a refusal with a stable code and a Chinese message; app maps it
// to app.Error and adds the form field.
type Error struct{ code, message string }

func (e *Error) Error() string   { return e.code + ": " + e.message }
func (e *Error) Code() string    { return e.code }
func (e *Error) Message() string { return e.message }

// The refusals, by stable code.
var (
	ErrEmpty     = &Error{"phone.empty", "请填写联系电话"}
	ErrChars     = &Error{"phone.chars", "电话号码只能包含数字，可用空格或短横线分隔"}
	ErrMobile    = &Error{"phone.mobile", "手机号码应为11位，以13至19开头"}
	ErrLandline  = &Error{"phone.landline", "固定电话应为区号加7到8位号码，如010-12345678"}
	ErrArea      = &Error{"phone.area", "区号应为0开头的3位或4位数字，如010、0755"}
	ErrNoArea    = &Error{"phone.no_area", "固定电话请加区号，如0755-1234567"}
	ErrExtension = &Error{"phone.extension", "分机号应为1到6位数字"}
	ErrAbroad    = &Error{"phone.abroad", "境外号码应为+国家或地区代码加号码，如+852 91234567"}
)
