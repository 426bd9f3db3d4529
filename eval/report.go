package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText writes results as a person reads them: a table of set, field, cases and agreement, then
// each result's worst disagreements with the text they come from.
func WriteText(w io.Writer, rs []Result) error {
	bw := bufio.NewWriter(w)
	tw := tabwriter.NewWriter(bw, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "SET\tFIELD\tCASES\tAGREE\tAGREEMENT\tPRECISION\tRECALL\tUNMAPPED\t")
	weak := false
	for i := range rs {
		r := &rs[i]
		field := r.Field
		if r.Weak {
			field += " *"
			weak = true
		}
		agreement := "-"
		if r.Cases > 0 && r.Spans == nil {
			agreement = fmt.Sprintf("%.1f%%", r.Agreement()*100)
		}
		prec, rec := "", ""
		if r.Confusion != nil || r.Spans != nil {
			prec, rec = "-", "-"
			if p, ok := r.Precision(); ok {
				prec = fmt.Sprintf("%.1f%%", p*100)
			}
			if v, ok := r.Recall(); ok {
				rec = fmt.Sprintf("%.1f%%", v*100)
			}
		}
		if r.Missing {
			agreement = "absent"
		}
		unmapped := ""
		if r.Unmapped > 0 {
			unmapped = fmt.Sprint(r.Unmapped)
		}
		agree := fmt.Sprint(r.Agree)
		if r.Spans != nil || r.Missing {
			agree = "-"
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t\n", r.Set, field, r.Cases, agree, agreement, prec, rec, unmapped)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if weak {
		fmt.Fprintln(bw, "* weak label: a disagreement is not necessarily our error")
	}
	for i := range rs {
		r := &rs[i]
		if i > 0 && rs[i-1].Set == r.Set {
			continue
		}
		if r.SetAside > 0 {
			fmt.Fprintf(bw, "%s: %s set aside by the reader\n", r.Set, plural(r.SetAside, "record"))
		}
		if r.Unlabelled > 0 {
			fmt.Fprintf(bw, "%s: %s without a label line\n", r.Set, plural(r.Unlabelled, "ad"))
		}
		if r.Missing {
			fmt.Fprintf(bw, "%s: absent (%s)\n", r.Set, r.Note)
		}
	}
	for i := range rs {
		r := &rs[i]
		if len(r.Worst) == 0 {
			continue
		}
		if c := r.Spans; c != nil {
			fmt.Fprintf(bw, "\n%s · %s: ", r.Set, r.Field)
			var parts []string
			if c.Mentions > 0 {
				parts = append(parts, fmt.Sprintf("%d of %d outside every marked span", c.Mentions-c.InSpan, c.Mentions))
			}
			if c.Spans > 0 {
				parts = append(parts, fmt.Sprintf("%d of %d spans missed", c.Spans-c.Found, c.Spans))
			}
			fmt.Fprintf(bw, "%s; the most frequent %d:\n", strings.Join(parts, ", "), len(r.Worst))
		} else {
			fmt.Fprintf(bw, "\n%s · %s: %d of %d disagree; the worst %d:\n", r.Set, r.Field, r.Cases-r.Agree, r.Cases, len(r.Worst))
		}
		if r.Note != "" {
			fmt.Fprintf(bw, "  (%s)\n", r.Note)
		}
		for _, c := range r.Worst {
			fmt.Fprintf(bw, "  %s\n    text:  %s\n    ours:  %s\n    label: %s\n", c.ID, clip(c.Text, 160), c.Got, c.Want)
		}
	}
	return bw.Flush()
}

// plural writes a count and a noun: "1 record", "2 records".
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
