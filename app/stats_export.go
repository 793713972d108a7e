package app

import (
	"fmt"

	"laifang/store"

	"github.com/xuri/excelize/v2"
)

// StatsFile is an exported report: the file's name and its bytes (base64
// in JSON), which the screen saves as a download in the window and in a
// browser alike.
type StatsFile struct {
	Name string `json:"name"`
	Data []byte `json:"data"`
}

// statsLabels name the headline figures in the exported workbook (the
// screen names them through its translations).
var statsLabels = map[string]string{
	"cases": "信访事项（件）", "visits": "来访（批次）", "people": "来访（人次）",
	"group": "集体访（件）", "repeat": "重复访（批次）", "skipLevel": "越级访（件）",
	"notice": "受理告知按期率", "handled": "按期办结率", "satisfaction": "满意率",
}

// Export is the report of the period q names as an Excel workbook
// (excelize), with what the screen shows: the figures and their
// comparisons, the counts by channel, type, category and department, the
// monthly trend and the repeat petitioners, masked as on the screen.
// Audited as an export.
func (s *Stats) Export(q StatsQuery) (*StatsFile, error) {
	act, st, p, err := s.open("Stats.Export", q)
	if err != nil {
		return nil, err
	}
	var rep *StatsReport
	err = st.Update(func(tx *store.Tx) error {
		if rep, err = s.report(tx, act, p); err != nil {
			return err
		}
		return s.audit(tx, act, ActionExport, "stats", 0, "统计报表 "+rep.Period.Label, "")
	})
	if err != nil {
		return nil, err
	}
	data, err := statsWorkbook(rep)
	if err != nil {
		return nil, err
	}
	return &StatsFile{Name: fmt.Sprintf("信访统计-%s.xlsx", rep.Period.Label), Data: data}, nil
}

// statsWorkbook writes the report on one sheet, laid out to print on A4.
func statsWorkbook(rep *StatsReport) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "统计"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return nil, err
	}
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF7"}},
		Border: []excelize.Border{{Type: "bottom", Color: "999999", Style: 1}}})
	pct := "0.0\"%\""
	pctStyle, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &pct})
	row := 1
	set := func(col int, v any) {
		cell, _ := excelize.CoordinatesToCellName(col, row)
		f.SetCellValue(sheet, cell, v)
	}
	style := func(from, to, st int) {
		a, _ := excelize.CoordinatesToCellName(from, row)
		b, _ := excelize.CoordinatesToCellName(to, row)
		f.SetCellStyle(sheet, a, b, st)
	}
	header := func(cols ...string) {
		for i, c := range cols {
			set(i+1, c)
		}
		style(1, len(cols), head)
		row++
	}
	set(1, rep.Office+"信访统计报表（"+rep.Period.Label+"）")
	f.MergeCell(sheet, "A1", "F1")
	style(1, 1, title)
	row++
	set(1, fmt.Sprintf("统计区间：%s 至 %s　上期：%s　去年同期：%s　制表日期：%s", rep.Period.From, rep.Period.To,
		rep.Previous.Label, rep.LastYear.Label, rep.Today))
	if rep.Unit != "" {
		row++
		set(1, "承办单位："+rep.Unit)
	}
	row += 2
	header("指标", "本期", "上期", "环比", "去年同期", "同比")
	for _, fg := range rep.Figures {
		set(1, statsLabels[fg.Key])
		for i, v := range []*float64{fg.Value, fg.Previous, fg.PreviousChange, fg.LastYear, fg.LastYearChange} {
			col := []int{2, 3, 4, 5, 6}[i]
			if v == nil {
				set(col, "—")
				continue
			}
			switch {
			case col == 4 || col == 6:
				unit := "%"
				if fg.Rate {
					unit = "个百分点"
				}
				set(col, fmt.Sprintf("%+.1f%s", *v, unit))
			case fg.Rate:
				set(col, *v)
				style(col, col, pctStyle)
			default:
				set(col, int(*v))
			}
		}
		if fg.Rate && fg.Value != nil {
			set(7, fmt.Sprintf("%d/%d", fg.Num, fg.Den))
		}
		row++
	}
	total := 0
	for _, sl := range rep.ByType {
		total += sl.Cases
	}
	// where each table's rows are, for the charts sheet
	type span struct{ first, last int }
	spans := map[string]span{}
	for _, part := range []struct {
		name string
		list []StatsSlice
	}{{"信访形式", rep.ByChannel}, {"事项类别", rep.ByType}, {"内容分类", rep.ByCategory}, {"承办单位", rep.ByUnit}} {
		row++
		header(part.name, "件数", "占比")
		spans[part.name] = span{row, row + len(part.list) - 1}
		for _, sl := range part.list {
			label := sl.Label
			if label == "" {
				label = "（未填）"
			}
			set(1, label)
			set(2, sl.Cases)
			if total > 0 {
				set(3, float64(sl.Cases)*100/float64(total))
				style(3, 3, pctStyle)
			}
			row++
		}
	}
	row++
	header("月份", "信访事项（件）", "来访（批次）", "来访（人次）")
	spans["月度趋势"] = span{row, row + len(rep.Trend) - 1}
	for _, t := range rep.Trend {
		set(1, t.Month)
		set(2, t.Cases)
		set(3, t.Visits)
		set(4, t.People)
		row++
	}
	row++
	header("重复来访人", "姓名", "来访（批次）", "涉及事项（件）", "最近来访")
	for _, t := range rep.Top {
		set(1, t.Rank)
		set(2, t.Name)
		set(3, t.Visits)
		set(4, t.Cases)
		set(5, t.Last)
		row++
	}
	if len(rep.Top) == 0 {
		set(1, "本期无重复来访人")
	}
	f.SetColWidth(sheet, "A", "A", 24)
	f.SetColWidth(sheet, "B", "F", 14)
	f.SetColWidth(sheet, "G", "G", 12)
	if err := statsCharts(f, sheet, func(name string) (int, int) { sp := spans[name]; return sp.first, sp.last }); err != nil {
		return nil, err
	}
	for _, sh := range f.GetSheetList() {
		onA4(f, sh)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Printed writes the audit entry of the report of q printed (the print
// page calls it as it prints): the repeat petitioners are named on paper.
func (s *Stats) Printed(q StatsQuery) error {
	act, st, p, err := s.open("Stats.Printed", q)
	if err != nil {
		return err
	}
	return st.Update(func(tx *store.Tx) error {
		return s.audit(tx, act, ActionPrint, "stats", 0, "打印统计报表 "+p.Label(), "")
	})
}

// statsCharts draws the screen's charts on a sheet of their own, from the
// report's tables (rows of names in A, counts from B): the trend's lines,
// the pie by type, the bars by channel, category and department. A table
// without rows has no chart.
func statsCharts(f *excelize.File, data string, rows func(name string) (first, last int)) error {
	const sheet = "图表"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	ref := func(col string, first, last int) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", data, col, first, col, last)
	}
	title := func(s string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: s}}}
	}
	size := excelize.ChartDimension{Width: 480, Height: 300}
	wide := excelize.ChartDimension{Width: 980, Height: 300}
	cell := []string{"A1", "A17", "J17", "A33", "J33"}
	i := 0
	if first, last := rows("月度趋势"); last >= first {
		var series []excelize.ChartSeries
		for _, c := range []string{"B", "C", "D"} {
			series = append(series, excelize.ChartSeries{Name: fmt.Sprintf("'%s'!$%s$%d", data, c, first-1),
				Categories: ref("A", first, last), Values: ref(c, first, last)})
		}
		if err := f.AddChart(sheet, cell[i], &excelize.Chart{Type: excelize.Line, Series: series,
			Title: title("月度趋势"), Dimension: wide, Legend: excelize.ChartLegend{Position: "top"}}); err != nil {
			return err
		}
	}
	i++
	for _, c := range []struct {
		name string
		typ  excelize.ChartType
	}{{"事项类别", excelize.Pie}, {"信访形式", excelize.Bar}, {"内容分类", excelize.Bar}, {"承办单位", excelize.Bar}} {
		first, last := rows(c.name)
		if last < first {
			continue
		}
		vary := c.typ == excelize.Pie // a pie's slices apart, a bar chart's bars alike
		ch := &excelize.Chart{Type: c.typ, Title: title("按" + c.name), Dimension: size, VaryColors: &vary,
			Series: []excelize.ChartSeries{{Name: "件数", Categories: ref("A", first, last), Values: ref("B", first, last)}},
			Legend: excelize.ChartLegend{Position: "none"}, PlotArea: excelize.ChartPlotArea{ShowVal: true}}
		if c.typ == excelize.Pie {
			ch.Legend.Position = "right"
			ch.PlotArea = excelize.ChartPlotArea{ShowPercent: true}
		}
		if err := f.AddChart(sheet, cell[i], ch); err != nil {
			return err
		}
		i++
	}
	return nil
}

// onA4 prints a sheet on A4, upright, as wide as one page.
func onA4(f *excelize.File, sheet string) {
	a4, one, any, portrait, fit := 9, 1, 0, "portrait", true // excelize: paper size 9 is A4
	f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
	f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &portrait, FitToWidth: &one, FitToHeight: &any})
}
