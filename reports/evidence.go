package reports

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// evidenceFact is one piece of a finding's evidence as a reader sees it: a label in the
// report's language and the value in lines of words, not JSON. A list of records (the rows
// a reading issue names, the smallest equivalence classes) gives a line each.
type evidenceFact struct {
	Label string
	Lines []string
}

// readableEvidence renders a finding's evidence in lang, its facts in key order. A key with a
// Chinese twin (detail and detail_zh) shows the twin in Chinese and the key in English; the
// JSON report keeps both.
func readableEvidence(ev map[string]any, lang string) []evidenceFact {
	var facts []evidenceFact
	for _, k := range evidenceKeys(ev, lang) {
		facts = append(facts, evidenceFact{Label: evidenceLabel(k, lang), Lines: evidenceLines(evidenceValue(ev, k, lang), lang)})
	}
	return facts
}

// evidenceKeys are the keys of ev a reader in lang sees, sorted: a Chinese twin (k_zh) stands
// in for its key rather than beside it.
func evidenceKeys(ev map[string]any, lang string) []string {
	var keys []string
	for _, k := range slices.Sorted(maps.Keys(ev)) {
		if base, twin := strings.CutSuffix(k, "_zh"); !twin || ev[base] == nil {
			keys = append(keys, k)
		}
	}
	return keys
}

// evidenceValue is ev[k], or its Chinese twin for a reader in Chinese; a detected type (the
// detector or type a column was judged by) is named as the report names it elsewhere.
func evidenceValue(ev map[string]any, k, lang string) any {
	if v, ok := ev[k+"_zh"]; ok && lang == "zh" {
		return v
	}
	if typ, ok := ev[k].(string); ok && (k == "detector" || k == "type") {
		return cmp.Or(TypeLabel(lang, typ), typ)
	}
	return ev[k]
}

// evidenceLines says v in lang: a scalar as a word or number, a list of scalars on one line, a
// record as "label: value" pairs, and a list of records a line per record.
func evidenceLines(v any, lang string) []string {
	list, isList := v.([]any)
	if !isList || !slices.ContainsFunc(list, isRecord) {
		return []string{evidenceText(v, lang)}
	}
	lines := make([]string, 0, len(list))
	for _, item := range list {
		lines = append(lines, evidenceText(item, lang))
	}
	return lines
}

func isRecord(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}

// evidenceText says one value on one line.
func evidenceText(v any, lang string) string {
	sep, pair := ", ", ": "
	if lang == "zh" {
		sep, pair = "；", "："
	}
	switch v := v.(type) {
	case nil:
		return "—"
	case string:
		return cmp.Or(v, `""`)
	case bool:
		return htmlWords[lang][map[bool]string{true: "yes", false: "no"}[v]]
	case json.Number:
		if f, err := v.Float64(); err == nil {
			return evidenceNumber(f)
		}
		return v.String()
	case float64:
		return evidenceNumber(v)
	case int:
		return strconv.Itoa(v)
	case int64:
		return strconv.FormatInt(v, 10)
	case []any:
		parts := make([]string, 0, len(v))
		for _, item := range v {
			parts = append(parts, evidenceText(item, lang))
		}
		if len(parts) == 0 {
			return "—"
		}
		if lang == "zh" && !slices.ContainsFunc(v, isRecord) {
			return strings.Join(parts, "、")
		}
		return strings.Join(parts, sep)
	case map[string]any:
		keys := evidenceKeys(v, lang)
		if len(keys) == 0 {
			return "—"
		}
		parts := make([]string, 0, len(keys))
		for _, k := range keys {
			parts = append(parts, evidenceLabel(k, lang)+pair+evidenceText(evidenceValue(v, k, lang), lang))
		}
		return strings.Join(parts, sep)
	default:
		return fmt.Sprint(v)
	}
}

// evidenceNumber writes a count as an integer and a share or rate with at most four decimals.
func evidenceNumber(f float64) string {
	s := strconv.FormatFloat(f, 'f', 4, 64)
	return strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
}

// evidenceLabel names an evidence key in lang: its Chinese label, or the key in words.
func evidenceLabel(k, lang string) string {
	if lang == "zh" {
		if l, ok := evidenceLabelsZh[k]; ok {
			return l
		}
	}
	return strings.ReplaceAll(k, "_", " ")
}

// evidenceLabelsZh are the Chinese labels of the evidence keys the built-in rules give
// (TestEvidenceKeysHaveChineseLabels holds them to the fixtures' findings). A user pack's
// key without one is shown in words.
var evidenceLabelsZh = map[string]string{
	"access_url":              "访问地址",
	"accrual_periodicity":     "更新周期",
	"actual":                  "实际值",
	"age_days":                "距今天数",
	"allowed":                 "允许值",
	"approval_ref":            "批准文号",
	"approximate":             "近似",
	"bad_check_digit":         "校验码错误",
	"bare_quote_rows":         "含裸引号的行数",
	"birth_date_column":       "出生日期列",
	"blank_rows":              "空行数",
	"blanks":                  "空白值数",
	"check":                   "检查",
	"checked":                 "已检查数",
	"classes":                 "等价类数",
	"code_list":               "代码表",
	"column":                  "列",
	"column_level":            "列的级别",
	"columns":                 "列",
	"confidence":              "置信度",
	"conforming":              "符合数",
	"control":                 "控制字符数",
	"crs":                     "坐标参考系",
	"cycle_days":              "周期天数",
	"data":                    "数据",
	"dataset":                 "数据集",
	"datatype":                "数据类型",
	"dates":                   "日期",
	"decimal_places":          "小数位数",
	"declared":                "声明值",
	"declared_level":          "声明的级别",
	"derivation":              "派生规则",
	"destinations":            "目的地",
	"detail":                  "说明",
	"detector":                "识别类型",
	"distinct":                "不同值数",
	"distribution":            "分发",
	"duplicate_rows":          "重复行数",
	"duplicates":              "重复数",
	"embedded":                "内嵌数",
	"encoding":                "编码",
	"entities":                "实体",
	"entries":                 "条目",
	"epsilon":                 "ε",
	"evaluated":               "已评估数",
	"exemption_ground":        "豁免依据",
	"expires":                 "到期",
	"failed":                  "不符合数",
	"field_level":             "字段级别",
	"fields":                  "字段",
	"first_row":               "首行",
	"first_rows":              "首批行",
	"formats":                 "格式",
	"from":                    "来源",
	"general_sublevel":        "一般数据子级",
	"hashed":                  "哈希值数",
	"hint":                    "提示",
	"hints":                   "提示",
	"hits":                    "命中数",
	"identifier":              "标识符",
	"important_data_notified": "已申报重要数据",
	"inconsistent":            "不一致数",
	"issues":                  "问题",
	"jrt0197_level":           "JR/T 0197 级别",
	"k":                       "k",
	"k_required":              "要求的 k",
	"kept":                    "保留数",
	"key":                     "键",
	"l":                       "l",
	"l_required":              "要求的 l",
	"latest":                  "最新",
	"latest_birth":            "最晚出生日期",
	"latest_birth_month":      "最晚出生月份",
	"leaks":                   "泄露数",
	"least_diverse_sizes":     "多样性最低的等价类大小",
	"legacy_15":               "15 位旧号码数",
	"level":                   "级别",
	"line":                    "行号",
	"masked":                  "已脱敏数",
	"matched":                 "匹配数",
	"max":                     "最大值",
	"mechanism":               "机制",
	"minor_age":               "未成年年龄",
	"missing":                 "缺失",
	"missing_tokens":          "缺失值标记",
	"model":                   "分级模型",
	"modified":                "修改时间",
	"mojibake":                "乱码数",
	"name":                    "名称",
	"non_null":                "非空值数",
	"now":                     "当前时间",
	"nul_rows":                "含 NUL 字节的行数",
	"null_keys":               "空键数",
	"nulls":                   "空值数",
	"observed":                "观测值",
	"open_type":               "开放属性",
	"original_records":        "原始记录数",
	"outlier":                 "离群值数",
	"owner":                   "所有者",
	"pattern":                 "模式",
	"pi_category":             "个人信息类别",
	"pi_columns":              "个人信息列",
	"placeholder":             "占位值数",
	"precise":                 "精确值数",
	"precision":               "精度",
	"profile":                 "检查档案",
	"property":                "属性",
	"pseudonym_of":            "假名化对象",
	"quasi_identifiers":       "准标识符",
	"ragged_rows":             "字段数不一致的行数",
	"raw":                     "原始值数",
	"recipients":              "接收方",
	"reference":               "引用",
	"referenced":              "被引用",
	"regex":                   "正则表达式",
	"resource_class":          "信息资源分类",
	"revealing":               "泄露信息的值数",
	"role":                    "角色",
	"row":                     "行",
	"rows":                    "行数",
	"rule":                    "规则",
	"sample_uniqueness":       "样本唯一率",
	"sensitive":               "敏感",
	"sensitive_subjects":      "敏感个人信息主体数",
	"shapes":                  "形态",
	"share_type":              "共享类型",
	"smallest_class_sizes":    "最小等价类大小",
	"source":                  "依据",
	"subjects":                "个人信息主体数",
	"suggested":               "建议值",
	"suggested_level":         "建议级别",
	"suggested_pi_category":   "建议的个人信息类别",
	"suggested_sensitive":     "建议的敏感标记",
	"suppressed":              "已抑制数",
	"suppressed_records":      "已抑制记录数",
	"theme":                   "主题",
	"threshold":               "阈值",
	"triggers":                "触发条件",
	"type":                    "类型",
	"undecodable_rows":        "无法解码的行数",
	"unique_rows":             "唯一行数",
	"uscc":                    "统一社会信用代码",
	"valid":                   "有效数",
	"valid_until":             "有效期至",
	"value":                   "值",
}
