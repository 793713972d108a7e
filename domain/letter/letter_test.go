package letter

import (
	"errors"
	"laifang/domain/casestate"
	"slices"
	"strings"
	"testing"

	"laifang/domain/civil"
)

func TestEveryKindHasABuiltinTemplateThatParses(t *testing.T) {
	keys := map[string]bool{}
	codes := map[string]bool{}
	for _, k := range Kinds {
		if keys[k.Key] || codes[k.Code] {
			t.Errorf("%s: key or code given twice", k.Key)
		}
		keys[k.Key], codes[k.Code] = true, true
		body := Builtin(k.Key)
		if body == "" {
			t.Errorf("%s: no built-in template", k.Key)
			continue
		}
		tp, err := Parse(k.Form, body)
		if err != nil {
			t.Errorf("%s: %v", k.Key, err)
			continue
		}
		d := tp.Fill(Values{})
		if d.Title == "" {
			t.Errorf("%s: no title", k.Key)
		}
		if k.Form == FormLetter && (d.Addressee == "" || len(d.Paragraphs) == 0) {
			t.Errorf("%s: a letter without addressee or body: %+v", k.Key, d)
		}
		if k.Form == FormSlip && len(d.Rows) == 0 {
			t.Errorf("%s: a slip without rows", k.Key)
		}
		if err := CheckPattern(DefaultPattern(k)); err != nil {
			t.Errorf("%s: default pattern: %v", k.Key, err)
		}
	}
	// Every notice the state machine owes the petitioner has its letter,
	// but the 调解协议书, which the parties draft and sign themselves.
	for _, tr := range casestate.Disposals() {
		if strings.HasSuffix(tr.Letter, "告知书") && tr.Letter != "告知书" {
			if _, ok := KindOf(tr.Letter); !ok {
				t.Errorf("%s: no letter %s", tr.Action, tr.Letter)
			}
		}
	}
}

// The letters the issue asks for carry what the law wants said.
func TestBuiltinTemplatesSayWhatTheLawWants(t *testing.T) {
	for _, c := range []struct{ kind, want string }{
		{"opinion", "{{复查机关}}书面请求复查"},
		{"review", "{{复核机关}}书面请求复核"},
		{"recheck", "不再受理"},
		{"assign", "5个工作日内"},
		{"forward", "5个工作日内"},
		{"extend", "{{延期至}}"},
		{"routeLegal", "第三十一条"},
	} {
		if !strings.Contains(Builtin(c.kind), c.want) {
			t.Errorf("%s does not say %q", c.kind, c.want)
		}
	}
	for _, k := range []string{"assign", "forward"} {
		tp, _ := Parse(FormSlip, Builtin(k))
		d := tp.Fill(Values{})
		if !slices.ContainsFunc(d.Boxes, func(b Box) bool { return strings.Contains(b.Title, "异议") }) {
			t.Errorf("%s has no objection box", k)
		}
	}
}

func TestParseRefusesUnknownAndUnclosedPlaceholders(t *testing.T) {
	for _, c := range []struct {
		name, body string
		code       string
		line       int
		inMessage  []string
	}{
		{"misspelled", "{{信访人称呼}}：\n你好。\n你于{{来访日其}}来访。", CodeUnknown, 3, []string{"第 3 行", "{{来访日其}}", "{{来访日期}}"}},
		{"unknown", "{{信访人}}：\n{{身份证号}}", CodeUnknown, 2, []string{"第 2 行", "{{身份证号}}"}},
		{"unclosed", "{{信访人}}：\n\n你于{{来访日期 来访。", CodeUnclosed, 3, []string{"第 3 行", "{{"}},
		{"addressee without colon", "{{信访人}}\n正文", CodeShape, 1, []string{"第 1 行", "称呼"}},
		{"empty", " \n\n", CodeEmpty, 0, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse(FormLetter, c.body)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v", err)
			}
			if e.Code() != c.code || e.Line != c.line || e.Field() != "body" {
				t.Errorf("code %s line %d field %s, want %s %d body", e.Code(), e.Line, e.Field(), c.code, c.line)
			}
			for _, w := range c.inMessage {
				if !strings.Contains(e.Message(), w) {
					t.Errorf("message %q does not name %q", e.Message(), w)
				}
			}
		})
	}
}

func TestParseLetterParts(t *testing.T) {
	body := "标题：关于{{信访人}}信访事项的处理意见\n\n{{信访人称呼}}：\n  第一段{{诉求摘要}}。  \n第二段。\n附件：1. 调查笔录\n附件：2. 照片\n抄送：县信访局\n联系人：{{联系人}}，联系电话：{{联系电话}}\n"
	tp, err := Parse(FormLetter, body)
	if err != nil {
		t.Fatal(err)
	}
	d := tp.Fill(Values{"信访人": "张三", "信访人称呼": "张三", "诉求摘要": "拖欠工资", "联系人": "李四", "联系电话": "0571-88880000"})
	want := Doc{Title: "关于张三信访事项的处理意见", Addressee: "张三：", Paragraphs: []string{"第一段拖欠工资。", "第二段。"},
		Attachments: []string{"1. 调查笔录", "2. 照片"}, CopyTo: "县信访局", Contact: "联系人：李四，联系电话：0571-88880000"}
	if !docEqual(d, want) {
		t.Errorf("got %+v\nwant %+v", d, want)
	}
}

func TestParseSlipParts(t *testing.T) {
	body := "标题：交办单\n{{承办单位}}：\n信访人：{{信访人}}\n诉求摘要：{{诉求摘要}}\n办理要求：{{办理要求}}\n请按时办理。\n【签收】签收人：\n【签收】（留空2行）\n【办理结果】（留空4行）"
	tp, err := Parse(FormSlip, body)
	if err != nil {
		t.Fatal(err)
	}
	d := tp.Fill(Values{"承办单位": "县自然资源局", "信访人": "（保密）", "诉求摘要": "反映某村干部在宅基地审批中收受好处费的问题"})
	if d.Addressee != "县自然资源局：" {
		t.Errorf("addressee %q", d.Addressee)
	}
	wantRows := []Row{{"信访人", "（保密）", false}, {"诉求摘要", "反映某村干部在宅基地审批中收受好处费的问题", true}, {"办理要求", "无", false}}
	if !slices.Equal(d.Rows, wantRows) {
		t.Errorf("rows %+v", d.Rows)
	}
	if len(d.Boxes) != 2 || d.Boxes[0].Title != "签收" || d.Boxes[0].Height != 2 || !slices.Equal(d.Boxes[0].Lines, []string{"签收人："}) ||
		d.Boxes[1].Title != "办理结果" || d.Boxes[1].Height != 4 || len(d.Boxes[1].Lines) != 0 {
		t.Errorf("boxes %+v", d.Boxes)
	}
	if !slices.Equal(d.Paragraphs, []string{"请按时办理。"}) || len(d.Missing) != 0 {
		t.Errorf("paragraphs %v missing %v", d.Paragraphs, d.Missing)
	}
	if _, err := Parse(FormLetter, "{{信访人}}：\n【签收】x"); err == nil {
		t.Error("a box in a letter was accepted")
	}
}

func TestFillNamesWhatIsMissingAndNeverLeavesItBlank(t *testing.T) {
	tp, err := Parse(FormLetter, "{{信访人称呼}}：\n你于{{来访日期}}反映的{{诉求摘要}}收悉。{{诉求摘要}}\n拟办：{{拟办意见}}")
	if err != nil {
		t.Fatal(err)
	}
	d := tp.Fill(Values{"信访人称呼": "王五", "诉求摘要": "  "})
	if !slices.Equal(d.Missing, []string{"来访日期", "诉求摘要"}) {
		t.Errorf("missing %v", d.Missing)
	}
	if d.Paragraphs[0] != "你于【待补：来访日期】反映的【待补：诉求摘要】收悉。【待补：诉求摘要】" || d.Paragraphs[1] != "拟办：无" {
		t.Errorf("paragraphs %q", d.Paragraphs)
	}
}

// A value is put in as it is: a petitioner who writes {{信访人}} or
// markup gets his own text back, nothing expanded.
func TestFillDoesNotReadValues(t *testing.T) {
	tp, _ := Parse(FormLetter, "{{信访人称呼}}：\n{{诉求摘要}}")
	for _, v := range []string{"{{信访人}}", "<script>alert(1)</script>", "{{", "}}{{联系人}}", "【待补：x】"} {
		d := tp.Fill(Values{"信访人称呼": "甲", "诉求摘要": v, "信访人": "不应出现", "联系人": "不应出现"})
		if d.Paragraphs[0] != v || len(d.Missing) != 0 {
			t.Errorf("%q came out as %q (missing %v)", v, d.Paragraphs[0], d.Missing)
		}
	}
}

func TestCheckPattern(t *testing.T) {
	for p, ok := range map[string]bool{
		"{code}信受〔{year}〕{n}号":     true,
		"信受〔{year}〕{n}号":           true,
		"{code}信受[{year}]{n}号":     false,
		"{code}信受（{year}）{n}号":     false,
		"{code}信受〔{year}〕第{n}号":    false,
		"{code}信受〔{year}〕{n:04}号":  false,
		"{code}信受〔2026〕{n}号":       false,
		"{code}信受〔{year}〕号":        false,
		"{code}{type}〔{year}〕{n}号": false,
		"":                         false,
	} {
		if err := CheckPattern(p); (err == nil) != ok {
			t.Errorf("CheckPattern(%q) = %v", p, err)
		}
	}
}

func TestFormatAndDate(t *testing.T) {
	p := DefaultPattern(Kinds[0])
	if got := Format(p, "测", 2026, 12); got != "测信受〔2026〕12号" {
		t.Errorf("Format = %q", got)
	}
	if got := Format(p, "测", 2026, 0); got != "测信受〔2026〕 号" {
		t.Errorf("preview = %q", got)
	}
	if got := Date(civil.D(2026, 3, 2)); got != "2026年3月2日" {
		t.Errorf("Date = %q", got)
	}
	if Date(0) != "" {
		t.Error("no date should read empty")
	}
}

func docEqual(a, b Doc) bool {
	return a.Title == b.Title && a.Addressee == b.Addressee && slices.Equal(a.Paragraphs, b.Paragraphs) &&
		slices.Equal(a.Attachments, b.Attachments) && a.CopyTo == b.CopyTo && a.Contact == b.Contact &&
		len(a.Missing) == len(b.Missing) && len(a.Rows) == len(b.Rows) && len(a.Boxes) == len(b.Boxes)
}

func TestUsesNamesThePlaceholdersOfTheTemplate(t *testing.T) {
	tp, _ := Parse(FormSlip, Builtin("urge"))
	if !tp.Uses("交办单号") || !tp.Uses("原文号", "催办内容") || tp.Uses("原文号") {
		t.Error("Uses does not read the 催办单's placeholders")
	}
}
