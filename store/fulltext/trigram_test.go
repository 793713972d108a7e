package fulltext_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"laifang/domain/civil"
	"laifang/store/fulltext"
	"laifang/store/gen"

	bolt "go.etcd.io/bbolt"
)

// A term of three characters is found by its trigram: the page and the
// exact total come without a case checked, merged, pending and edited cases
// alike; a longer term is checked, and finds the same as a scan.
func TestTrigramsAnswerThreeCharactersWithoutACheck(t *testing.T) {
	x := newTestIndex(t)
	db, open := x.db, x.open
	g := gen.New(3)
	docs := map[uint64]fulltext.Doc{}
	var ids []uint64
	at := time.Date(2026, 1, 5, 9, 0, 0, 0, time.Local)
	const n = 3000
	if err := db.Update(func(tx *bolt.Tx) error {
		ix := open(tx)
		for i := 1; i <= n; i++ {
			m := g.Matter(at)
			id := uint64(i * 31) // over two chunks
			x.newest = id
			d := fulltext.NewDoc(civil.DateOf(at), []string{fulltext.FacetAll}, []string{m.Title, m.Demand, m.Facts})
			docs[id], ids = d, append(ids, id)
			if err := ix.Put(id, nil, d); err != nil {
				return err
			}
			if i == n-40 {
				if err := ix.Fold(); err != nil {
					return err
				}
			}
		}
		// an edit of a merged case moves its trigrams
		id := ids[100]
		old := docs[id]
		d := fulltext.NewDoc(civil.DateOf(at), []string{fulltext.FacetAll}, []string{"鲸鱼搁浅在码头"})
		docs[id] = d
		return ix.Put(id, &old, d)
	}); err != nil {
		t.Fatal(err)
	}
	scan := func(term string) (page []uint64, total int) {
		for i := len(ids) - 1; i >= 0; i-- {
			if strings.Contains(docs[ids[i]].Text, term) {
				if total++; len(page) < 50 {
					page = append(page, ids[i])
				}
			}
		}
		return page, total
	}
	checked := 0
	verify := func(id uint64, terms []string, _ bool) (bool, bool, error) {
		checked++
		for _, term := range terms {
			if !strings.Contains(docs[id].Text, term) {
				return false, false, nil
			}
		}
		return true, false, nil
	}
	many := false
	for _, q := range []string{"宅基地", "补偿款", "包工头", "拖欠工", "鲸鱼搁", "在码头", "不存在", "征地补偿", "拖欠工资", "工资款项"} {
		checked = 0
		var res *fulltext.Result
		if err := db.View(func(tx *bolt.Tx) error {
			var err error
			res, err = open(tx).Search(fulltext.Query{Text: q}, false, verify)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		page, total := scan(q)
		if !slices.Equal(res.IDs, page) {
			t.Errorf("%s: page %v, a scan's %v", q, res.IDs, page)
		}
		if len([]rune(q)) == 3 {
			many = many || total > 100
			if checked > 0 || !res.Exact || res.Total != total {
				t.Errorf("%s: %d cases checked, total %d (exact %v), a scan finds %d", q, checked, res.Total, res.Exact, total)
			}
		} else if checked == 0 && total > 0 {
			t.Errorf("%s: found %d cases without checking one", q, total)
		}
	}
	if !many {
		t.Error("no term of three characters held by more than 100 cases: the old way would have counted them exactly too")
	}
}
