package gen

import (
	"fmt"
	"strings"
)

// Category is one first-level content category (内容分类) with its share of
// petitions and its phrase bank.
type Category struct {
	Code   string
	Label  string
	Weight int // per mille
	Titles []string
	Wants  []string // what the petitioner asks for
	Facts  []string // what happened
}

// Categories are the synthetic office's content categories (the legacy
// national list, renamed after 2018), in rough real proportions.
var Categories = []Category{
	{Code: "07", Label: "劳动社保", Weight: 160,
		Titles: []string{"拖欠工资问题", "社保缴费问题", "工伤认定问题", "劳动合同纠纷", "养老金待遇问题"},
		Wants:  []string{"支付拖欠的工资", "补缴社会保险费", "认定工伤并给予赔偿", "依法解除劳动合同并支付经济补偿", "重新核定养老金待遇", "督促用人单位签订劳动合同"},
		Facts:  []string{"在某建筑工地务工", "公司以经营困难为由拖欠工资", "包工头失去联系", "单位未依法缴纳社会保险", "工作中受伤后单位拒绝申报工伤", "多次找单位协商未果", "劳动监察部门尚未作出处理"}},
	{Code: "11", Label: "城乡建设", Weight: 180,
		Titles: []string{"征收拆迁补偿问题", "物业管理问题", "违法建设问题", "房屋质量问题", "住房保障问题", "小区噪音扰民问题"},
		Wants:  []string{"提高拆迁补偿标准", "查处违法建设", "更换物业公司", "维修房屋漏水", "办理不动产权证", "申请公租房", "停止夜间施工"},
		Facts:  []string{"房屋被列入征收范围", "补偿款至今未到位", "邻居加盖违章建筑影响采光", "物业公司收费不公开", "新房交付后出现墙体开裂", "开发商逾期交房", "施工噪音影响休息"}},
	{Code: "13", Label: "农业农村", Weight: 120,
		Titles: []string{"土地承包经营权纠纷", "宅基地纠纷", "集体经济收益分配问题", "惠农补贴发放问题"},
		Wants:  []string{"确认土地承包经营权", "解决宅基地界址争议", "公开集体经济账目", "补发惠农补贴", "退还被占用的耕地"},
		Facts:  []string{"村委会重新调整承包地", "与邻居因宅基地界址发生争执", "集体土地出租收益未分配", "耕地地力保护补贴未发放", "村里修路占用承包地"}},
	{Code: "12", Label: "自然资源", Weight: 90,
		Titles: []string{"土地征收问题", "林地权属争议", "非法占用耕地问题", "矿山开采问题"},
		Wants:  []string{"依法查处非法占地", "明确林地权属", "恢复耕地原状", "停止非法采矿"},
		Facts:  []string{"有企业未经审批占用耕地", "林权证登记面积有误", "采石场爆破影响房屋安全", "征地补偿安置方案未公示"}},
	{Code: "06", Label: "政法", Weight: 80,
		Titles: []string{"案件执行问题", "邻里纠纷", "治安问题", "判决不服问题"},
		Wants:  []string{"加快执行判决", "依法处理打人者", "重新审理案件", "调解邻里矛盾"},
		Facts:  []string{"法院判决生效后对方拒不履行", "与邻居发生肢体冲突", "报警后未得到处理结果", "对一审判决不服"}},
	{Code: "08", Label: "卫生健康", Weight: 60,
		Titles: []string{"医疗纠纷", "医德医风问题", "医保报销问题"},
		Wants:  []string{"鉴定医疗事故并赔偿", "处理医务人员收受红包", "按规定报销医疗费用"},
		Facts:  []string{"家属在医院手术后出现并发症", "医生态度恶劣", "异地就医费用未能报销"}},
	{Code: "09", Label: "教育", Weight: 50,
		Titles: []string{"子女入学问题", "学校收费问题", "教师待遇问题"},
		Wants:  []string{"安排子女就近入学", "退还违规收费", "落实教师工资待遇"},
		Facts:  []string{"随迁子女入学材料被退回", "学校收取补课费", "乡村教师补贴未发放"}},
	{Code: "14", Label: "民政", Weight: 60,
		Titles: []string{"低保待遇问题", "残疾人补贴问题", "殡葬管理问题", "婚姻登记问题"},
		Wants:  []string{"恢复最低生活保障待遇", "发放残疾人两项补贴", "规范公墓收费"},
		Facts:  []string{"家庭困难但低保被取消", "残疾证办理后补贴未到账", "公墓管理费逐年上涨"}},
	{Code: "04", Label: "纪检监察", Weight: 70,
		Titles: []string{"反映村干部违纪问题", "反映公职人员作风问题", "反映违规使用资金问题"},
		Wants:  []string{"调查村干部侵占集体资金", "查处公职人员吃拿卡要", "核查扶贫资金使用情况"},
		Facts:  []string{"村干部优亲厚友", "办事人员索要好处费", "项目资金去向不明", "有关人员公车私用"}},
	{Code: "15", Label: "交通能源环保", Weight: 50,
		Titles: []string{"环境污染问题", "道路修建问题", "供电供水问题"},
		Wants:  []string{"关停污染企业", "修复损毁道路", "解决停水停电问题"},
		Facts:  []string{"工厂排放废水污染河道", "村道年久失修", "小区经常停电", "养殖场臭气扰民"}},
	{Code: "02", Label: "经济综合", Weight: 30,
		Titles: []string{"企业改制遗留问题", "非法集资问题", "消费维权问题"},
		Wants:  []string{"解决改制职工安置", "追回集资款", "退还预付卡余额"},
		Facts:  []string{"原国有企业改制后职工身份未落实", "投资平台无法提现", "商家关门跑路"}},
	{Code: "05", Label: "组织人事", Weight: 20,
		Titles: []string{"退役军人安置问题", "职称评定问题", "工龄认定问题"},
		Wants:  []string{"落实退役安置待遇", "重新评定职称", "认定连续工龄"},
		Facts:  []string{"退役后未安排工作", "职称评审程序不公开", "档案丢失导致工龄无法认定"}},
	{Code: "16", Label: "商贸旅游", Weight: 10,
		Titles: []string{"市场管理问题", "旅游纠纷"},
		Wants:  []string{"规范市场摊位分配", "退还旅游团费"},
		Facts:  []string{"市场摊位租金上涨", "旅行社擅自变更行程"}},
	{Code: "18", Label: "其他", Weight: 20,
		Titles: []string{"咨询政策", "其他问题"},
		Wants:  []string{"解答相关政策", "协调有关部门处理"},
		Facts:  []string{"不清楚办事流程", "多个部门相互推诿"}},
}

// Types are the three kinds of matter plus consultation, with shares.
var Types = []struct {
	Code   string
	Weight int
}{{"申诉求决", 650}, {"检举控告", 120}, {"建议意见", 100}, {"咨询", 130}}

var connectives = []string{"此后", "期间", "为此", "但是", "后来", "目前", "多年来", "经了解"}
var background = []string{"本人家庭经济困难", "家中老人长期患病", "已向村委会反映多次", "曾找镇政府协调",
	"有关部门答复需要等待", "周边群众也有同样问题", "对方一直拒绝协商", "相关材料已提交"}
var tails = []string{"至今没有得到解决", "生活十分困难", "希望领导重视", "请求依法处理", "要求给个说法",
	"曾向有关部门反映过", "对处理结果不满意", "问题一直拖着没人管"}

// Matter is the text of a synthetic petition.
type Matter struct {
	Category Category
	Type     string
	Title    string
	Demand   string
	Facts    string
}

func (g *Synth) weighted(n int, weight func(i int) int) int {
	total := 0
	for i := 0; i < n; i++ {
		total += weight(i)
	}
	x := g.r.IntN(total)
	for i := 0; i < n; i++ {
		if x -= weight(i); x < 0 {
			return i
		}
	}
	return n - 1
}

// Matter draws a petition: a category in proportion, a title, a request and
// facts of about 110 characters together.
func (g *Synth) Matter(year int) Matter {
	c := Categories[g.weighted(len(Categories), func(i int) int { return Categories[i].Weight })]
	t := Types[g.weighted(len(Types), func(i int) int { return Types[i].Weight })].Code
	m := Matter{Category: c, Type: t, Title: g.pick(c.Titles)}
	m.Demand = "请求" + g.pick(c.Wants)
	if g.r.IntN(2) == 0 {
		m.Demand += "，并" + g.pick(c.Wants)
	}
	var b strings.Builder
	y := year - g.r.IntN(4)
	facts := append([]string(nil), c.Facts...)
	g.r.Shuffle(len(facts), func(i, j int) { facts[i], facts[j] = facts[j], facts[i] })
	fmt.Fprintf(&b, "%d年%d月，%s", y, 1+g.r.IntN(12), facts[0])
	for i := 1; i < len(facts) && b.Len() < 200; i++ {
		fmt.Fprintf(&b, "，%s%s", g.pick(connectives), facts[i])
	}
	if g.r.IntN(3) == 0 {
		fmt.Fprintf(&b, "，涉及金额%d元", 1000*(1+g.r.IntN(200)))
	}
	fmt.Fprintf(&b, "，%s，%s。", g.pick(background), g.pick(tails))
	m.Facts = b.String()
	return m
}

var statements = []string{"来访人情绪较为激动，反复陈述诉求", "来访人称已多次反映", "来访人携带相关材料",
	"来访人表示如不解决将继续上访", "来访人态度平和，表示理解", "来访人要求尽快答复"}
var explanations = []string{"已向其解释相关政策规定", "告知其办理程序和时限", "告知其可通过诉讼途径解决",
	"告知其复查复核的权利"}

// Statement is a short reception record.
func (g *Synth) Statement() string { return g.pick(statements) + "，" + g.pick(explanations) + "。" }

var replies = []string{"经核查，反映情况基本属实，已责成有关单位限期整改",
	"经调查，反映问题不属实，已向信访人作出解释说明",
	"已协调有关部门解决，信访人表示满意", "经研究，诉求缺乏政策依据，不予支持",
	"已督促用人单位支付拖欠款项", "已纳入年度计划逐步解决"}

// Reply is the summary of a reply (处理意见).
func (g *Synth) Reply() string { return g.pick(replies) }
