package detect_test

import (
	"fmt"

	"github.com/dgcheck/dgcheck/checkers/detect"
)

func ExampleResidentID() {
	fmt.Printf("%+v\n", detect.ResidentID("11010519491231002X"))
	fmt.Printf("%+v\n", detect.ResidentID("110105194912310021")) // wrong check digit
	fmt.Printf("%+v\n", detect.ResidentID("110105********002X"))
	// Output:
	// {Match:true Valid:true Masked:false}
	// {Match:true Valid:false Masked:false}
	// {Match:false Valid:false Masked:true}
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
