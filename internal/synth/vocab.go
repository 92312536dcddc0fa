package synth

// The vocabularies below make the roll look like one a Hongshan civil-affairs office would
// keep. They are plausible, not a directory: community names in particular are invented in
// the local style. No value needs CSV quoting (no comma, quote, line break or leading space),
// which is what lets the CSV writer append fields without escaping them.

// weighted is a value with its relative frequency.
type weighted[T any] struct {
	value  T
	weight int
}

// expand turns a frequency table into a slice in which each value appears weight times, so a
// weighted draw is one uniform index: the generator's hot path stays free of searches.
func expand[T any](table []weighted[T]) []T {
	var out []T
	for _, w := range table {
		for range w.weight {
			out = append(out, w.value)
		}
	}
	return out
}

// surnames is weighted roughly by national frequency (per ten thousand people), with the
// Hubei-common 胡, 熊 and 余 nudged up and a few two-character surnames kept rare.
var surnames = expand([]weighted[string]{
	{"王", 710}, {"李", 700}, {"张", 680}, {"刘", 540}, {"陈", 450}, {"杨", 310},
	{"黄", 220}, {"赵", 220}, {"吴", 200}, {"周", 190}, {"胡", 160}, {"徐", 130},
	{"孙", 120}, {"马", 120}, {"朱", 110}, {"郭", 110}, {"何", 100}, {"高", 90},
	{"林", 90}, {"罗", 90}, {"熊", 80}, {"郑", 80}, {"梁", 70}, {"余", 70},
	{"谢", 60}, {"宋", 60}, {"唐", 60}, {"许", 50}, {"韩", 50}, {"冯", 50},
	{"邓", 50}, {"曹", 50}, {"彭", 50}, {"曾", 50}, {"肖", 50}, {"田", 40},
	{"董", 40}, {"袁", 40}, {"潘", 40}, {"于", 40}, {"蒋", 40}, {"蔡", 40},
	{"杜", 40}, {"叶", 40}, {"程", 40}, {"苏", 30}, {"魏", 30}, {"吕", 30},
	{"丁", 30}, {"任", 30}, {"沈", 30}, {"姚", 30}, {"卢", 30}, {"姜", 30},
	{"崔", 30}, {"钟", 30}, {"谭", 30}, {"陆", 30}, {"汪", 30}, {"范", 30},
	{"金", 30}, {"石", 30}, {"廖", 30}, {"贾", 30}, {"夏", 30}, {"付", 20},
	{"方", 20}, {"白", 20}, {"邹", 20}, {"孟", 20}, {"秦", 20}, {"邱", 20},
	{"江", 20}, {"尹", 20}, {"薛", 20}, {"段", 20}, {"雷", 20}, {"侯", 20},
	{"龙", 20}, {"史", 20}, {"陶", 20}, {"黎", 20}, {"贺", 20}, {"顾", 20},
	{"毛", 20}, {"郝", 20}, {"龚", 20}, {"邵", 20}, {"万", 20}, {"严", 20},
	{"戴", 20}, {"向", 10}, {"汤", 10}, {"柯", 10}, {"童", 10}, {"喻", 10},
	{"欧阳", 5}, {"上官", 2}, {"司马", 2}, {"诸葛", 2}, {"皇甫", 1},
})

// Given names draw one or two characters from a pool that follows the sex encoded in the ID
// number, so a name reads as male or female in step with the sex column.
var (
	maleGivenChars = []string{
		"伟", "强", "军", "勇", "杰", "涛", "明", "超", "华", "建", "国", "平", "刚",
		"辉", "斌", "鹏", "志", "文", "波", "峰", "磊", "林", "海", "东", "兵", "宇",
		"浩", "俊", "亮", "成", "庆", "春", "德", "富", "贵", "福", "生", "祥", "汉",
		"武", "新", "金", "荣",
	}
	femaleGivenChars = []string{
		"芳", "娜", "敏", "静", "丽", "艳", "娟", "霞", "秀", "英", "兰", "玲", "桂",
		"燕", "萍", "红", "梅", "琳", "雪", "慧", "婷", "倩", "琴", "云", "洁", "凤",
		"珍", "莉", "欣", "颖", "翠", "菊", "香", "花", "玉", "华", "素", "淑", "春",
	}
)

// idCounty is an address code a resident ID number may carry, with the number of sequence
// codes (001..sequences) the generator uses under it. Sequences stand in for population
// weight: most people on a Hongshan roll were registered in Hongshan or elsewhere in Wuhan.
type idCounty struct {
	code      string
	sequences uint64
}

var idCounties = []idCounty{
	{"420111", 999}, // 武汉市洪山区
	{"420106", 500}, // 武汉市武昌区
	{"420102", 300}, // 武汉市江岸区
	{"420103", 200}, // 武汉市江汉区
	{"420104", 300}, // 武汉市硚口区
	{"420105", 200}, // 武汉市汉阳区
	{"420107", 300}, // 武汉市青山区
	{"420115", 400}, // 武汉市江夏区
	{"420116", 200}, // 武汉市黄陂区
	{"420117", 200}, // 武汉市新洲区
	{"421126", 150}, // 黄冈市蕲春县
	{"422801", 150}, // 恩施市
}

// street is one of Hongshan's sub-districts with communities under it.
type street struct {
	name        string
	communities []string
}

var streets = []street{
	{"珞南街道", []string{"马房山社区", "广埠屯社区", "石牌岭社区", "珞狮南路社区", "宝石社区"}},
	{"关山街道", []string{"关山社区", "关东社区", "关南社区", "光谷社区", "华乐社区"}},
	{"狮子山街道", []string{"南湖社区", "狮城社区", "华农社区", "南湖山庄社区"}},
	{"张家湾街道", []string{"张家湾社区", "大华社区", "白沙洲社区", "紫都社区"}},
	{"梨园街道", []string{"梨园社区", "团结社区", "东湖村社区", "鲁巷社区"}},
	{"卓刀泉街道", []string{"卓刀泉社区", "虎泉社区", "东湖新村社区", "田园社区"}},
	{"洪山街道", []string{"洪山社区", "窑湾社区", "野芷湖社区", "书城社区"}},
	{"和平街道", []string{"和平社区", "白马社区", "工农村社区", "建和社区"}},
	{"青菱街道", []string{"青菱社区", "红霞社区", "毛坦港社区", "烽火社区"}},
	{"九峰街道", []string{"九峰社区", "高新社区", "凤凰社区"}},
	{"花山街道", []string{"花山社区", "严东湖社区", "花山新城社区", "春和社区"}},
	{"左岭街道", []string{"左岭社区", "左岭新城社区", "湖口社区", "何岭社区"}},
}

// mobilePrefixes are allocated mainland mobile segments (the strict pattern of STANDARDS §3.5).
var mobilePrefixes = []string{
	"130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
	"147", "150", "151", "152", "153", "155", "156", "157", "158", "159",
	"166", "173", "175", "176", "177", "178",
	"180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
	"191", "198", "199",
}

// householdSizes leans to small households, as on real rolls where the elderly living alone
// are the largest group.
var householdSizes = expand([]weighted[int64]{
	{1, 35}, {2, 25}, {3, 20}, {4, 12}, {5, 5}, {6, 3},
})

// Remarks a caseworker might leave; the ones about old age and living alone are only given
// where age and household size bear them out.
var (
	hardshipRemarks = []string{"重度残疾", "因病致贫", "重病患者", "失业人员", "残疾人家庭", "低收入边缘"}
	elderlyRemarks  = []string{"独居老人", "孤寡老人"}
	singleParent    = "单亲家庭"
	stopReasons     = []string{"收入超标", "户籍迁出", "自愿退出", "复核不符"}
)

const (
	inCare  = "在保"
	stopped = "停保"
	male    = "男"
	female  = "女"
)
