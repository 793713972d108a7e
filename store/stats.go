package store

import (
	bolt "go.etcd.io/bbolt"
)

// BucketStat is the space one bucket takes.
type BucketStat struct {
	Name    string
	Keys    int
	InUse   int // bytes holding data
	Alloc   int // bytes of pages allocated
	Pending int // (ft.pending) cases waiting
}

// FileStats reports space per bucket and the free pages of the file.
type FileStats struct {
	Buckets   []BucketStat
	FreePages int
	PageSize  int
	Size      int64
}

// fileStats measures the file (it reads every page: slow on a big file).
func (s *Store) fileStats() (*FileStats, error) {
	fs := &FileStats{}
	err := s.db.View(func(tx *bolt.Tx) error {
		fs.PageSize = tx.DB().Info().PageSize
		fs.Size = tx.Size()
		for _, name := range allBuckets {
			b := tx.Bucket(name)
			if b == nil {
				continue
			}
			st := b.Stats()
			fs.Buckets = append(fs.Buckets, BucketStat{Name: string(name), Keys: st.KeyN,
				InUse: st.BranchInuse + st.LeafInuse, Alloc: st.BranchAlloc + st.LeafAlloc})
		}
		return nil
	})
	fs.FreePages = s.db.Stats().FreePageN
	return fs, err
}
