package gen

import (
	"fmt"
	"strings"
	"time"
)

// Category is one first-level content category (内容分类) with its share of
// petitions and its topics.
type Category struct {
	Code   string
	Label  string
	Weight int // per mille
	Topics []Topic
}

// Topic is one kind of petition: its title, what the petitioner asks for
// and what happened, which all speak of the same thing (a compensation case
// asks for compensation, not for public housing).
type Topic struct {
	Title   string
	Wants   []string // what the petitioner asks for
	Facts   []string // what happened, in the order it happened
	Money   bool     // the facts may name a sum of money
	Report  bool     // an accusation (检举控告) more often than not
	Consult bool     // a question in itself: its wants are what a consultation asks
	Reply   string   // a reply that fits only this topic (besides the general ones)
}

// Categories are the synthetic office's content categories (the legacy
// national list, renamed after 2018), in rough real proportions.
var Categories = []Category{
	{Code: "07", Label: "劳动社保", Weight: 160, Topics: []Topic{
		{Title: "拖欠工资问题", Wants: []string{"支付拖欠的工资", "督促包工头结清工资"}, Money: true,
			Facts: []string{"在某建筑工地务工", "公司以经营困难为由拖欠工资", "包工头失去联系", "多次找公司讨要工资未果", "劳动监察部门尚未作出处理"},
			Reply: "已督促用人单位支付拖欠工资"},
		{Title: "社保缴费问题", Wants: []string{"补缴社会保险费", "督促单位依法参保"},
			Facts: []string{"单位未依法缴纳社会保险", "查询发现社保断缴两年", "多次找单位协商未果"}},
		{Title: "工伤认定问题", Wants: []string{"认定工伤并给予赔偿", "支付工伤医疗费用"}, Money: true,
			Facts: []string{"在工作中受伤", "单位拒绝申报工伤", "医疗费用由个人垫付", "多次找单位协商未果"}},
		{Title: "劳动合同纠纷", Wants: []string{"依法解除劳动合同并支付经济补偿", "督促用人单位签订劳动合同"}, Money: true,
			Facts: []string{"入职后单位一直未签订劳动合同", "单位单方面辞退", "未支付经济补偿", "劳动监察部门尚未作出处理"}},
		{Title: "养老金待遇问题", Wants: []string{"重新核定养老金待遇", "补发少发的养老金"}, Money: true,
			Facts: []string{"退休后养老金核定偏低", "视同缴费年限未计算", "向社保经办机构咨询未获答复"}},
	}},
	{Code: "11", Label: "城乡建设", Weight: 180, Topics: []Topic{
		{Title: "征收拆迁补偿问题", Wants: []string{"提高拆迁补偿标准", "尽快支付征收补偿款", "落实安置房"}, Money: true,
			Facts: []string{"房屋被列入征收范围", "补偿款至今未到位", "评估价格明显低于周边房价", "安置房迟迟没有交付"}},
		{Title: "物业管理问题", Wants: []string{"更换物业公司", "公开物业收支账目"},
			Facts: []string{"物业公司收费不公开", "小区公共部位长期无人维修", "业主委员会迟迟未能成立"}},
		{Title: "违法建设问题", Report: true, Wants: []string{"查处违法建设", "拆除违章建筑"},
			Facts: []string{"邻居加盖违章建筑影响采光", "向城管部门反映后未见处理", "违章建筑仍在继续施工"}},
		{Title: "房屋质量问题", Wants: []string{"维修房屋漏水", "督促开发商整改房屋质量问题"},
			Facts: []string{"新房交付后出现墙体开裂", "楼顶漏水", "开发商逾期交房", "多次找开发商维修未果"}},
		{Title: "住房保障问题", Wants: []string{"申请公租房", "发放住房租赁补贴"},
			Facts: []string{"一家三口租房居住", "公租房申请材料已提交", "审核一直没有结果"}},
		{Title: "小区噪音扰民问题", Wants: []string{"停止夜间施工", "查处噪音扰民"},
			Facts: []string{"附近工地夜间施工", "施工噪音影响休息", "向有关部门投诉后问题依旧"}},
	}},
	{Code: "13", Label: "农业农村", Weight: 120, Topics: []Topic{
		{Title: "土地承包经营权纠纷", Wants: []string{"确认土地承包经营权", "退还被占用的承包地"},
			Facts: []string{"村委会重新调整承包地", "承包地被他人耕种", "村里修路占用承包地"}},
		{Title: "宅基地纠纷", Wants: []string{"解决宅基地界址争议", "确认宅基地使用权"},
			Facts: []string{"与邻居因宅基地界址发生争执", "邻居建房越过界址", "村委会调解未果"}},
		{Title: "集体经济收益分配问题", Wants: []string{"公开集体经济账目", "分配集体土地出租收益"}, Money: true,
			Facts: []string{"集体土地出租收益未分配", "村务账目多年未公开", "村民代表要求查账被拒"}},
		{Title: "惠农补贴发放问题", Wants: []string{"补发惠农补贴", "公开补贴发放名单"}, Money: true,
			Facts: []string{"耕地地力保护补贴未发放", "补贴名单中没有本户", "向村里询问无人答复"}},
	}},
	{Code: "12", Label: "自然资源", Weight: 90, Topics: []Topic{
		{Title: "土地征收问题", Wants: []string{"公开征地补偿安置方案", "足额支付征地补偿款"}, Money: true,
			Facts: []string{"承包地被征收", "征地补偿安置方案未公示", "征地补偿款至今未发放"}},
		{Title: "林地权属争议", Wants: []string{"明确林地权属", "更正林权证登记面积"},
			Facts: []string{"林权证登记面积有误", "邻村村民砍伐争议林地林木", "林业部门调处未果"}},
		{Title: "非法占用耕地问题", Report: true, Wants: []string{"依法查处非法占地", "恢复耕地原状"},
			Facts: []string{"有企业未经审批占用耕地", "耕地上建起了厂房", "向国土所反映后未见处理"}},
		{Title: "矿山开采问题", Report: true, Wants: []string{"停止非法采矿", "赔偿房屋损失"}, Money: true,
			Facts: []string{"采石场爆破影响房屋安全", "房屋墙体出现裂缝", "采石场没有开采许可"}},
	}},
	{Code: "06", Label: "政法", Weight: 80, Topics: []Topic{
		{Title: "案件执行问题", Wants: []string{"加快执行判决", "依法强制执行"}, Money: true,
			Facts: []string{"法院判决生效后对方拒不履行", "申请强制执行后没有进展", "对方名下财产已被转移"}},
		{Title: "邻里纠纷", Wants: []string{"调解邻里矛盾", "依法处理打人者"},
			Facts: []string{"与邻居因排水问题发生争执", "与邻居发生肢体冲突", "村调解委员会调解未果"}},
		{Title: "治安问题", Report: true, Wants: []string{"依法处理打人者", "加强夜间巡逻"},
			Facts: []string{"夜间在路上被人殴打", "报警后未得到处理结果", "打人者至今逍遥法外"}},
		{Title: "判决不服问题", Wants: []string{"重新审理案件", "依法再审"},
			Facts: []string{"对一审判决不服", "二审维持原判", "认为判决认定事实有误"}},
	}},
	{Code: "08", Label: "卫生健康", Weight: 60, Topics: []Topic{
		{Title: "医疗纠纷", Wants: []string{"鉴定医疗事故并赔偿", "公开病历资料"}, Money: true,
			Facts: []string{"家属在医院手术后出现并发症", "医院拒绝提供完整病历", "与医院协商赔偿未果"}},
		{Title: "医德医风问题", Report: true, Wants: []string{"处理医务人员收受红包", "处理态度恶劣的医生"},
			Facts: []string{"医生态度恶劣", "手术前被暗示送红包", "向医院投诉后没有回音"}},
		{Title: "医保报销问题", Wants: []string{"按规定报销医疗费用", "解释不予报销的依据"}, Money: true,
			Facts: []string{"异地就医费用未能报销", "报销材料被多次退回", "医保经办机构称不符合规定"}},
	}},
	{Code: "09", Label: "教育", Weight: 50, Topics: []Topic{
		{Title: "子女入学问题", Wants: []string{"安排子女就近入学", "说明入学材料的要求"},
			Facts: []string{"随迁子女入学材料被退回", "学校称学位已满", "孩子至今没有学校可上"}},
		{Title: "学校收费问题", Wants: []string{"退还违规收费", "查处学校乱收费"}, Money: true,
			Facts: []string{"学校收取补课费", "收费没有开具票据", "家长不交费孩子受到冷落"}},
		{Title: "教师待遇问题", Wants: []string{"落实教师工资待遇", "补发乡村教师补贴"}, Money: true,
			Facts: []string{"乡村教师补贴未发放", "绩效工资低于公务员水平", "向教育局反映未获答复"}},
	}},
	{Code: "14", Label: "民政", Weight: 60, Topics: []Topic{
		{Title: "低保待遇问题", Wants: []string{"恢复最低生活保障待遇", "重新核定低保"},
			Facts: []string{"家庭困难但低保被取消", "家中没有稳定收入", "取消低保时没有说明理由"}},
		{Title: "残疾人补贴问题", Wants: []string{"发放残疾人两项补贴", "补发停发的护理补贴"}, Money: true,
			Facts: []string{"残疾证办理后补贴未到账", "护理补贴突然停发", "残联称需要重新审核"}},
		{Title: "殡葬管理问题", Wants: []string{"规范公墓收费", "退还多收的管理费"}, Money: true,
			Facts: []string{"公墓管理费逐年上涨", "公墓收费没有公示", "不交费被告知迁出骨灰"}},
		{Title: "婚姻登记问题", Wants: []string{"撤销错误的婚姻登记", "更正婚姻登记信息"},
			Facts: []string{"身份证被他人冒用办理结婚登记", "婚姻登记信息有误", "登记机关称需要法院判决"}},
	}},
	{Code: "04", Label: "纪检监察", Weight: 70, Topics: []Topic{
		{Title: "反映村干部违纪问题", Report: true, Wants: []string{"调查村干部侵占集体资金", "查处村干部优亲厚友"}, Money: true,
			Facts: []string{"村干部优亲厚友", "村干部亲属违规领取补贴", "集体资金去向不明"}},
		{Title: "反映公职人员作风问题", Report: true, Wants: []string{"查处公职人员吃拿卡要", "查处公车私用"},
			Facts: []string{"办事人员索要好处费", "有关人员公车私用", "工作时间在外打牌"}},
		{Title: "反映违规使用资金问题", Report: true, Wants: []string{"核查扶贫资金使用情况", "公开项目资金去向"}, Money: true,
			Facts: []string{"项目资金去向不明", "扶贫项目建成后无人使用", "资金使用情况从未公开"}},
	}},
	{Code: "15", Label: "交通能源环保", Weight: 50, Topics: []Topic{
		{Title: "环境污染问题", Report: true, Wants: []string{"关停污染企业", "治理河道污染", "整治养殖场臭气"},
			Facts: []string{"工厂排放废水污染河道", "养殖场臭气扰民", "河里的鱼大量死亡"}},
		{Title: "道路修建问题", Wants: []string{"修复损毁道路", "将村道列入改造计划"},
			Facts: []string{"村道年久失修", "重车碾压后路面塌陷", "雨天群众出行困难"}},
		{Title: "供电供水问题", Wants: []string{"解决停水停电问题", "改造老旧供水管网"},
			Facts: []string{"小区经常停电", "自来水水压不足", "供电公司称线路需要改造"}},
	}},
	{Code: "02", Label: "经济综合", Weight: 30, Topics: []Topic{
		{Title: "企业改制遗留问题", Wants: []string{"解决改制职工安置", "补缴改制前的社会保险"},
			Facts: []string{"原国有企业改制后职工身份未落实", "改制时承诺的安置费未兑现", "企业已经注销"}},
		{Title: "非法集资问题", Report: true, Wants: []string{"追回集资款", "依法查处非法集资"}, Money: true,
			Facts: []string{"投资平台无法提现", "平台负责人失去联系", "已向公安机关报案"}},
		{Title: "消费维权问题", Wants: []string{"退还预付卡余额", "赔偿消费者损失"}, Money: true,
			Facts: []string{"商家关门跑路", "预付卡余额无法退还", "向市场监管部门投诉未果"}},
	}},
	{Code: "05", Label: "组织人事", Weight: 20, Topics: []Topic{
		{Title: "退役军人安置问题", Wants: []string{"落实退役安置待遇", "安排工作岗位"},
			Facts: []string{"退役后未安排工作", "安置政策没有落实", "向退役军人事务部门反映过"}},
		{Title: "职称评定问题", Wants: []string{"重新评定职称", "公开职称评审结果"},
			Facts: []string{"职称评审程序不公开", "条件相同的同事已经评上", "对评审结果提出异议未获答复"}},
		{Title: "工龄认定问题", Wants: []string{"认定连续工龄", "补办工龄认定手续"},
			Facts: []string{"档案丢失导致工龄无法认定", "原单位已经撤销", "退休手续因此无法办理"}},
	}},
	{Code: "16", Label: "商贸旅游", Weight: 10, Topics: []Topic{
		{Title: "市场管理问题", Wants: []string{"规范市场摊位分配", "降低摊位租金"}, Money: true,
			Facts: []string{"市场摊位租金上涨", "摊位分配不公开", "市场管理方强行收回摊位"}},
		{Title: "旅游纠纷", Wants: []string{"退还旅游团费", "赔偿旅游损失"}, Money: true,
			Facts: []string{"旅行社擅自变更行程", "导游强迫购物", "向旅行社投诉后没有回音"}},
	}},
	{Code: "18", Label: "其他", Weight: 20, Topics: []Topic{
		{Title: "咨询政策", Consult: true, Wants: []string{"解答相关政策", "告知办理流程"},
			Facts: []string{"不清楚办事流程", "有关政策文件看不懂"}},
		{Title: "其他问题", Consult: true, Wants: []string{"协调有关部门处理", "明确负责处理的部门"},
			Facts: []string{"多个部门相互推诿", "反映的问题无人受理"}},
	}},
}

// Types are the three kinds of matter plus consultation, with their shares
// among ordinary topics and among accusations (Topic.Report): only an
// accusation is 检举控告, and nobody asks about the policy on one.
var Types = []struct {
	Code           string
	Weight, Report int
}{{"申诉求决", 740, 250}, {"检举控告", 0, 750}, {"建议意见", 110, 0}, {"咨询", 150, 0}}

var connectives = []string{"此后", "期间", "随后", "但是", "后来", "目前", "不久", "经了解"}
var background = []string{"本人家庭经济困难", "家中老人长期患病", "已向有关部门反映多次", "曾找镇政府协调",
	"有关部门答复需要等待", "周边群众也有同样问题", "对方一直拒绝协商", "相关材料已提交"}
var tails = []string{"至今没有得到解决", "生活十分困难", "希望领导重视", "请求依法处理", "要求给个说法",
	"曾向有关部门反映过", "对处理结果不满意", "问题一直拖着没人管"}

// Matter is the text of a synthetic petition.
type Matter struct {
	Category Category
	Topic    Topic
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

// Matter draws a petition brought on the day of visit: a category in
// proportion, one of its topics, and a title, a request and facts of about
// 110 characters together, all of that topic. The facts begin in a month
// before the visit's (up to four years before).
func (g *Synth) Matter(visit time.Time) Matter {
	c := Categories[g.weighted(len(Categories), func(i int) int { return Categories[i].Weight })]
	topic := c.Topics[g.r.IntN(len(c.Topics))]
	t := Types[g.weighted(len(Types), func(i int) int {
		if topic.Report {
			return Types[i].Report
		}
		return Types[i].Weight
	})].Code
	m := Matter{Category: c, Topic: topic, Type: t, Title: topic.Title}
	if t == "咨询" && !topic.Consult {
		// asks what the rules are, about the same matter
		m.Title = "咨询" + m.Title
		m.Demand = "请求解答" + Consulted(topic) + "的有关政策"
	} else {
		want := g.r.IntN(len(topic.Wants))
		m.Demand = "请求" + topic.Wants[want]
		if g.r.IntN(3) != 0 {
			m.Demand += "，并" + topic.Wants[(want+1+g.r.IntN(len(topic.Wants)-1))%len(topic.Wants)]
		}
	}
	var b strings.Builder
	// months since January of year 0: one to 48 months before the visit's
	months := 12*visit.Year() + int(visit.Month()) - 1 - (1 + g.r.IntN(48))
	y, mo := months/12, months%12+1
	// The facts are told in the order they happened (a topic lists them
	// so); a long story now and then leaves out one after the first.
	skip := -1
	if len(topic.Facts) >= 4 && g.r.IntN(2) == 0 {
		skip = 1 + g.r.IntN(len(topic.Facts)-1)
	}
	fmt.Fprintf(&b, "%d年%d月，%s", y, mo, topic.Facts[0])
	for i := 1; i < len(topic.Facts); i++ {
		if i != skip {
			fmt.Fprintf(&b, "，%s%s", g.pick(connectives), topic.Facts[i])
		}
	}
	if topic.Money && g.r.IntN(2) == 0 {
		fmt.Fprintf(&b, "，涉及金额%d元", 1000*(1+g.r.IntN(200)))
	}
	bg := g.r.IntN(len(background))
	fmt.Fprintf(&b, "，%s，%s，%s。", background[bg], background[(bg+1+g.r.IntN(len(background)-1))%len(background)], g.pick(tails))
	m.Facts = b.String()
	return m
}

// Consulted is what a consultation on topic asks about: the topic's title
// without 问题 (劳动合同纠纷, 拖欠工资).
func Consulted(topic Topic) string { return strings.TrimSuffix(topic.Title, "问题") }

var statements = []string{"来访人情绪较为激动，反复陈述诉求", "来访人称已多次反映", "来访人携带相关材料",
	"来访人表示如不解决将继续上访", "来访人态度平和，表示理解", "来访人要求尽快答复"}
var explanations = []string{"已向其解释相关政策规定", "告知其办理程序和时限", "告知其可通过诉讼途径解决",
	"告知其复查复核的权利"}

// Statement is a short reception record.
func (g *Synth) Statement() string { return g.pick(statements) + "，" + g.pick(explanations) + "。" }

// replies are the general summaries of a reply (处理意见), by the outcome
// they state: a reply never says 不属实 on a case whose outcome is 予以支持.
var replies = map[string][]string{
	"予以支持": {"经核查，反映情况基本属实，已责成有关单位限期整改", "已协调有关部门解决，信访人表示满意",
		"已纳入年度计划逐步解决"},
	"解释说明": {"经调查，反映问题不属实，已向信访人作出解释说明", "已向信访人解释有关政策规定，信访人表示理解"},
	"不予支持": {"经研究，诉求缺乏政策依据，不予支持", "经核查，诉求不符合有关规定，不予支持"},
}

// Outcomes are the outcomes a generated reply states.
var Outcomes = []string{"予以支持", "解释说明", "不予支持"}

// Reply is the summary of a reply to m that states outcome: one of the
// general ones for that outcome, or now and then, for a supported case,
// the one that fits only m's topic.
func (g *Synth) Reply(m Matter, outcome string) string {
	rs := replies[outcome]
	if outcome == "予以支持" && m.Topic.Reply != "" && g.r.IntN(len(rs)+1) == 0 {
		return m.Topic.Reply
	}
	return g.pick(rs)
}
