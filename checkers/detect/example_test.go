package detect_test

import (
	"fmt"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

func ExampleResidentID() {
	fmt.Printf("%+v\n", detect.ResidentID("11010519491231002X"))
	fmt.Printf("%+v\n", detect.ResidentID("110105194912310021")) // wrong check digit: IDBadCheckDigit
	fmt.Printf("%+v\n", detect.ResidentID("110105********002X"))
	// Output:
	// {Match:true Valid:true Masked:false Traits:0}
	// {Match:true Valid:false Masked:false Traits:1}
	// {Match:false Valid:false Masked:true Traits:0}
}

func ExampleCheckDigit() {
	fmt.Printf("%c\n", detect.CheckDigit("11010519491231002"))
	// Output: X
}

func ExampleMask() {
	for _, v := range []string{"11010519491231002X", "+8613812345678", "zhang.san@example.com", "张三丰"} {
		fmt.Println(detect.Mask(v))
	}
	// Output:
	// 110105********002X
	// 138****5678
	// z***@example.com
	// 张**
}

func ExampleAll() {
	for _, d := range detect.All {
		if r := d.Detect(" 13812345678 "); r.Match {
			fmt.Println(d.Name, r.Valid, d.Mask(" 13812345678 "))
		}
	}
	// Output: mobile true 138****5678
}

func ExampleCandidates() {
	// A date reaches one detector (a 10-character organisation code may hold a '-'), a mobile
	// number one, a name two (three Han characters may be a masked address's head); the
	// others never run.
	for _, v := range []string{"2024-03-22", "13812345678", "张三丰"} {
		_, set := detect.Candidates(v)
		var names []string
		for i, d := range detect.All {
			if set&(1<<i) != 0 {
				names = append(names, d.Name)
			}
		}
		fmt.Println(v, names)
	}
	// Output:
	// 2024-03-22 [cn_org_code]
	// 13812345678 [mobile]
	// 张三丰 [person_name address]
}

func ExampleEmbedded() {
	remark := "联系人手机13812345678，已核实"
	sh, _ := detect.Candidates(remark)
	found := detect.Embedded(remark, sh)
	for i, d := range detect.All {
		if found&(1<<i) != 0 {
			fmt.Println(d.Name, d.Mask(detect.EmbeddedValue(remark, i)))
		}
	}
	// Output: mobile 138****5678
}
