package app

import (
	"fmt"
	"testing"
	"time"

	"laifang/domain/casestate"
	"laifang/domain/idcard"
	"laifang/domain/phone"
)

// The rule packages' refusals reach the UI with their code, message and
// field, also when a service wraps them.
func TestAsErrorMapsRuleErrors(t *testing.T) {
	c, _ := idcard.CheckChar("13010219800101001")
	wrong := map[byte]string{'0': "1"}[c]
	if wrong == "" {
		wrong = "0"
	}
	_, idErr := idcard.ParseResident("13010219800101001"+wrong, time.Now())
	_, phErr := phone.Parse("12345")
	_, csErr := casestate.Check(casestate.Registered, casestate.NotAccept, stepInput(&Actor{Role: RoleClerk}))
	cases := []struct {
		err                  error
		code, message, field string
	}{
		{idErr, "idcard.checksum", "身份证号校验位不正确", ""},
		{fmt.Errorf("intake: %w", phErr), "phone.mobile", "手机号码应为11位，以13至19开头", ""},
		{csErr, "casestate.reason", "请填写理由", "reason"},
	}
	for _, c := range cases {
		e := AsError(c.err)
		if e.Code != c.code || e.Message != c.message || e.Field != c.field {
			t.Errorf("%v → %+v", c.err, e)
		}
	}
}
