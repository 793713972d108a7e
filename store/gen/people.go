// Package gen makes a synthetic office: people with valid-looking but
// invented identities, petitions built from a phrase bank, visits, tasks,
// replies and letters over ten years. It is the demo and training data, the
// benchmark corpus, and where tests get their people: no real person's data
// is ever needed.
package gen

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"laifang/domain/civil"
	"laifang/domain/idcard"
	"laifang/store"
)

// Synth draws synthetic people and petitions from a seeded generator: the
// same seed gives the same office.
type Synth struct {
	r *rand.Rand
}

// New makes a Synth from a seed.
func New(seed uint64) *Synth {
	return &Synth{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

func (g *Synth) pick(list []string) string { return list[g.r.IntN(len(list))] }

// Surnames by rough frequency: the first ones come up far more often.
var surnames = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
	"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹",
	"彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜", "叶", "程", "苏", "魏",
	"吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆", "汪", "范", "金", "石", "廖",
	"贾", "夏", "韦", "付", "方", "白", "邹", "孟", "熊", "秦", "邱", "江", "尹", "薛", "闫", "段",
	"欧阳", "司马", "诸葛", "上官"}

var givenMale = []rune("伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘")
var givenFemale = []rune("秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽")

// Name is a Chinese name of the given sex.
func (g *Synth) Name(male bool) string {
	// surname by a skewed draw
	i := int(float64(len(surnames)) * g.r.Float64() * g.r.Float64())
	given := givenFemale
	if male {
		given = givenMale
	}
	n := 1
	if g.r.IntN(10) < 7 {
		n = 2
	}
	var b strings.Builder
	b.WriteString(surnames[i])
	for j := 0; j < n; j++ {
		b.WriteRune(given[g.r.IntN(len(given))])
	}
	return b.String()
}

// place is a county-level division: its GB/T 2260 code and its names.
type place struct {
	code, province, city, county string
}

var places = []place{
	{"110105", "北京市", "", "朝阳区"}, {"110108", "北京市", "", "海淀区"},
	{"120104", "天津市", "", "南开区"}, {"130102", "河北省", "石家庄市", "长安区"},
	{"140105", "山西省", "太原市", "小店区"}, {"210102", "辽宁省", "沈阳市", "和平区"},
	{"220102", "吉林省", "长春市", "南关区"}, {"230103", "黑龙江省", "哈尔滨市", "南岗区"},
	{"310104", "上海市", "", "徐汇区"}, {"320102", "江苏省", "南京市", "玄武区"},
	{"320505", "江苏省", "苏州市", "虎丘区"}, {"330106", "浙江省", "杭州市", "西湖区"},
	{"330203", "浙江省", "宁波市", "海曙区"}, {"340104", "安徽省", "合肥市", "蜀山区"},
	{"350102", "福建省", "福州市", "鼓楼区"}, {"360102", "江西省", "南昌市", "东湖区"},
	{"370102", "山东省", "济南市", "历下区"}, {"370202", "山东省", "青岛市", "市南区"},
	{"410105", "河南省", "郑州市", "金水区"}, {"420106", "湖北省", "武汉市", "武昌区"},
	{"430104", "湖南省", "长沙市", "岳麓区"}, {"440106", "广东省", "广州市", "天河区"},
	{"440304", "广东省", "深圳市", "福田区"}, {"450103", "广西壮族自治区", "南宁市", "青秀区"},
	{"460105", "海南省", "海口市", "秀英区"}, {"500103", "重庆市", "", "渝中区"},
	{"510104", "四川省", "成都市", "锦江区"}, {"520102", "贵州省", "贵阳市", "南明区"},
	{"530102", "云南省", "昆明市", "五华区"}, {"610113", "陕西省", "西安市", "雁塔区"},
	{"620102", "甘肃省", "兰州市", "城关区"}, {"640104", "宁夏回族自治区", "银川市", "兴庆区"},
	{"650102", "新疆维吾尔自治区", "乌鲁木齐市", "天山区"},
}

var streets = []string{"人民路", "解放路", "中山路", "建设路", "和平街", "新华街", "胜利路", "文化路",
	"朝阳路", "长江路", "黄河路", "幸福里", "光明街", "友谊路", "青年路", "工农路", "民主路", "团结路"}
var villages = []string{"东村", "西村", "南庄", "北庄", "王家村", "李家湾", "新民村", "红旗村", "前进村",
	"太平镇", "河口村", "石桥村", "桃园村", "柳树村"}

// IDNumber makes an 18-character citizen ID number with a correct check
// character for the given area code, birth date and sex.
func (g *Synth) IDNumber(area string, birth time.Time, male bool) string {
	seq := g.r.IntN(500) * 2 // even: female
	if male {
		seq++
	}
	first := fmt.Sprintf("%s%s%03d", area, birth.Format("20060102"), seq)
	c, _ := idcard.CheckChar(first) // area is six digits: always ok
	return first + string(c)
}

var mobilePrefixes = []string{"130", "131", "132", "133", "135", "136", "137", "138", "139", "150",
	"151", "152", "155", "156", "157", "158", "159", "166", "176", "177", "178", "180", "181", "182",
	"183", "185", "186", "187", "188", "189", "191", "198", "199"}

// Phone is a mobile number (1[3-9] and nine more digits).
func (g *Synth) Phone() string {
	return fmt.Sprintf("%s%08d", g.pick(mobilePrefixes), g.r.IntN(100000000))
}

func (g *Synth) address(p place) string {
	var b strings.Builder
	b.WriteString(p.province)
	b.WriteString(p.city)
	b.WriteString(p.county)
	if g.r.IntN(3) == 0 {
		fmt.Fprintf(&b, "%s%d组%d号", g.pick(villages), 1+g.r.IntN(12), 1+g.r.IntN(80))
	} else {
		fmt.Fprintf(&b, "%s%d号%d栋%d室", g.pick(streets), 1+g.r.IntN(300), 1+g.r.IntN(30), 101+g.r.IntN(20)*100+g.r.IntN(6))
	}
	return b.String()
}

// Person is a synthetic petitioner born between 1945 and 2004, with an ID
// number, a mobile number and an address in the same county.
func (g *Synth) Person() store.Person {
	male := g.r.IntN(100) < 58
	p := places[g.r.IntN(len(places))]
	birth := time.Date(1945+g.r.IntN(60), time.Month(1+g.r.IntN(12)), 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
	sex := "F"
	if male {
		sex = "M"
	}
	per := store.Person{
		Name:     g.Name(male),
		Sex:      sex,
		Birth:    civil.DateOf(birth),
		IDNumber: g.IDNumber(p.code, birth, male),
		Phones:   []string{g.Phone()},
		Address:  g.address(p),
	}
	return per
}
