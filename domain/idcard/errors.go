package idcard

// Error is a refusal with a stable code and a Chinese message for the
// clerk. app maps it to app.Error and adds the form field; this package
// does not import app so that imports point one way.
type Error struct{ code, message string }

func (e *Error) Error() string   { return e.code + ": " + e.message }
func (e *Error) Code() string    { return e.code }
func (e *Error) Message() string { return e.message }

// The refusals, by stable code.
var (
	ErrEmpty       = &Error{"idcard.empty", "请填写证件号码"}
	ErrType        = &Error{"idcard.type", "证件类型不正确"}
	ErrLength      = &Error{"idcard.length", "身份证号码应为18位"}
	ErrChars       = &Error{"idcard.chars", "身份证号码只能是数字，最后一位可以是X"}
	ErrBirth       = &Error{"idcard.birth", "身份证号码中的出生日期不存在"}
	ErrBirthEarly  = &Error{"idcard.birth_early", "身份证号码中的出生日期早于1900年"}
	ErrBirthFuture = &Error{"idcard.birth_future", "身份证号码中的出生日期晚于今天"}
	ErrChecksum    = &Error{"idcard.checksum", "身份证号校验位不正确"}
	ErrSexMismatch = &Error{"idcard.sex_mismatch", "性别与身份证号码不符"}
	ErrPermitArea  = &Error{"idcard.permit", "港澳台居民居住证号码应为18位，以810000、820000或830000开头"}
	ErrHKMacau     = &Error{"idcard.hkmo", "港澳居民来往内地通行证号码应为H或M加8位数字（旧版加10位数字）"}
	ErrTaiwan      = &Error{"idcard.tw", "台湾居民来往大陆通行证号码应为8位数字（旧版10位数字）"}
	ErrForeigner   = &Error{"idcard.foreigner", "外国人永久居留身份证号码应为以9开头的18位，或3个字母加12位数字"}
	ErrPassport    = &Error{"idcard.passport", "护照号码应为5到17位字母或数字"}
	ErrOther       = &Error{"idcard.other", "证件号码不能超过40个字符"}
)
