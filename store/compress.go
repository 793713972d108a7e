package store

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"fmt"
	"io"
	"runtime"
	"sync"

	"github.com/klauspost/compress/zstd"
	bolt "go.etcd.io/bbolt"
)

// Large record types (cases, events, people, audit entries, tasks, letters)
// are stored as JSON deflated with a preset dictionary of their field names
// and the trade's common words: a value is either plain JSON (it starts with
// '{') or the byte 0x01 followed by the deflated JSON. This halves the
// file (the JSON keys and the codes repeat in every record, and Chinese text
// takes three bytes a character) at a cost of a few microseconds a read.
//
// valueDict1 belongs to format byte 0x01 forever: a new dictionary takes a
// new format byte, and both stay readable.
//
// Since schema 4 records are written as the byte 0x02 followed by a zstd
// frame made with zstdDict2 (zdict2.bin, dictionary ID 2, which the frame
// header names too). Inflating a deflated case took about 7 µs, half of it
// rebuilding the Huffman tables each record carries; the zstd frame of a
// case reads in about 1.2 µs (its tables are in the dictionary), which is
// what verifying a search's candidates costs, and it is smaller. The
// dictionary was trained once (zstd.BuildDict) on the records of a
// generated office and is part of the format: never change zdict2.bin; a
// new dictionary takes a new format byte and ID, and both stay readable.

const (
	formatDeflate1 = 0x01
	formatZstd2    = 0x02
	// formatMsgZstd is a zstd frame of a MessagePack value (schema 13,
	// codec.go) made with dictionary 3.
	formatMsgZstd = 0x03
)

//go:embed zdict2.bin
var zstdDict2 []byte

// Since schema 13 cases, timeline events, people, audit entries, tasks and
// letters are MessagePack (codec.go), compressed as the byte 0x03 and a
// zstd frame made with zstdDict3 (zdict3.bin, dictionary ID 3): dictionary
// 2 was trained on JSON and left the MessagePack of a case 2.5 times larger
// than a dictionary trained on MessagePack. zdict3.bin was trained by the
// zstd command (1.5.4) on every 7th record of those kinds in the
// benchmarks' generated office of 100,000 visits upgraded to schema 13,
// written out by dictsamples_test.go:
//
//	LAIFANG_DICT_FILE=… LAIFANG_DICT_OUT=… go test -tags dictsamples -run DictSamples ./store/
//	zstd --train -r $LAIFANG_DICT_OUT --maxdict=30000 --dictID=3 -o store/zdict3.bin
//
// It was trained on generated text, as dictionary 2 was: a real office's
// records will compress less well, and read as fast.
//
// Like zdict2.bin it is part of the format: never change it.
//
//go:embed zdict3.bin
var zstdDict3 []byte

// zstdEnc, zstdEnc3 and zstdDec are shared: EncodeAll and DecodeAll are
// safe to call from many goroutines and keep their state (the
// dictionaries' tables) from one record to the next, so a record costs
// only its own decoding. The decoder takes each frame's dictionary from its
// header.
//
// The encoders run at zstd's fastest level: each record is a frame of its
// own, and an encoder starts every frame by copying its match tables from
// the dictionary's, 1.25 MB at the default level against 256 KB at the
// fastest. On a generated office's JSON records the fastest level
// compressed in half the time and 1–3 % smaller: that copy was most of a
// bulk load's compression (docs/PERFORMANCE.md §1.15).
var (
	zstdEnc  *zstd.Encoder // JSON, dictionary 2
	zstdEnc3 *zstd.Encoder // MessagePack, dictionary 3
	zstdDec  *zstd.Decoder
)

func init() {
	newEnc := func(dict []byte) *zstd.Encoder {
		e, err := zstd.NewWriter(nil, zstd.WithEncoderDict(dict),
			zstd.WithEncoderLevel(zstd.SpeedFastest), zstd.WithEncoderCRC(false),
			zstd.WithEncoderConcurrency(runtime.GOMAXPROCS(0)), zstd.WithWindowSize(1<<20))
		if err != nil {
			panic(err)
		}
		return e
	}
	zstdEnc, zstdEnc3 = newEnc(zstdDict2), newEnc(zstdDict3)
	var err error
	zstdDec, err = zstd.NewReader(nil, zstd.WithDecoderDicts(zstdDict2, zstdDict3),
		zstd.WithDecoderConcurrency(0), zstd.WithDecoderMaxMemory(64<<20))
	if err != nil {
		panic(err)
	}
}

// compressed reports whether a stored value is in one of the compressed
// formats (otherwise it is plain JSON or MessagePack).
func compressed(raw []byte) bool {
	return len(raw) > 0 && (raw[0] == formatDeflate1 || raw[0] == formatZstd2 || raw[0] == formatMsgZstd)
}

// valueDict1 puts the commonest strings last, where deflate's matches are
// cheapest.
var valueDict1 = []byte(`省市区县镇乡街道村组社区路街号栋单元室楼小区公司单位厂医院学校派出所` +
	`人民政府委员会村委会居委会办事处管理局` +
	`工资社保养老医疗工伤劳动合同补偿赔偿拆迁征收土地宅基地承包耕地林地房屋物业违法建设噪音污染环境` +
	`低保补贴救助残疾教育入学收费医保报销执行判决纠纷邻里治安干部资金` +
	`反映问题请求要求希望领导处理解决落实依法调查核实有关部门多次至今没有得到` +
	`情况材料政策规定解释说明告知程序时限途径复查复核权利满意不满意` +
	`予以支持不予支持来访人来信来电网上走访集体访代表随访人` +
	`{"v":1,"at":17,"u":2,"a":"intake","e":"case","id":1}` +
	`{"v":1,"c":1,"ty":"交办","fu":1,"tu":1,"at":17,"by":1,"due":20,"st":"WORKING"}` +
	`{"v":1,"c":1,"ty":"受理告知书","no":"〔2026〕1号","yr":2026,"sn":1,"is":20}` +
	`{"v":1,"nm":"","sx":"F","bd":-1,"idn":"11010519","ph":["13"],"ad":"","at":17}` +
	`{"v":1,"k":"record","at":17,"by":1,"vi":{"ch":"走访","pp":[1],"np":1,"rc":1,"idk":true,"rep":true,"pv":1},"rec":{"st":"再次来访，来访人","pt":true}}` +
	`{"v":1,"k":"intake","at":17,"by":1,"vi":{"ch":"走访","np":1,"rc":1,"idk":true},"rec":{"st":"来访人","pt":true}}` +
	`{"v":1,"no":"2026-000","ch":"走访","rcv":17,"reg":17,"rby":1,"ti":"问题","dm":"请求","fr":"年月，","ty":"申诉求决","cat":"0","np":1,"dsp":"受理","acc":20,"u":1,"out":"解释说明","rpl":"经核查，","srv":20,"st":"CLOSED","due":20,"cl":20,"pp":[{"p":1,"r":"主信访人","c":true}],"nv":1}`)

var deflaters = sync.Pool{New: func() any {
	w, err := flate.NewWriterDict(io.Discard, flate.BestCompression, valueDict1)
	if err != nil {
		panic(err)
	}
	return w
}}

var inflaters = sync.Pool{New: func() any {
	return flate.NewReaderDict(bytes.NewReader(nil), valueDict1)
}}

// squeeze compresses a JSON or MessagePack value when that makes it
// smaller.
func squeeze(js []byte) []byte {
	if len(js) < 48 {
		return js
	}
	out := make([]byte, 1, len(js)/2+16)
	enc := zstdEnc
	out[0] = formatZstd2
	if isMsgpack(js) {
		out[0], enc = formatMsgZstd, zstdEnc3
	}
	out = enc.EncodeAll(js, out)
	if len(out) >= len(js) {
		return js
	}
	return out
}

// deflate1 is the compressor of schemas 1 to 3, kept for the tests that
// make files in their format.
func deflate1(js []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(js)/2 + 8)
	buf.WriteByte(formatDeflate1)
	w := deflaters.Get().(*flate.Writer)
	w.Reset(&buf)
	w.Write(js)
	w.Close()
	deflaters.Put(w)
	if buf.Len() >= len(js) {
		return js
	}
	return buf.Bytes()
}

// unsqueeze gives the JSON or MessagePack of a stored value.
func unsqueeze(raw []byte) ([]byte, error) { return unsqueezeInto(nil, raw) }

// unsqueezeInto is unsqueeze writing into buf's space (reused by a loop
// that reads many values); the result aliases raw when it is plain JSON.
func unsqueezeInto(buf, raw []byte) ([]byte, error) {
	if !compressed(raw) {
		return raw, nil
	}
	if raw[0] != formatDeflate1 {
		out, err := zstdDec.DecodeAll(raw[1:], buf[:0])
		if err != nil {
			return nil, fmt.Errorf("zstd: %w", err)
		}
		return out, nil
	}
	r := inflaters.Get().(io.ReadCloser)
	defer inflaters.Put(r)
	if err := r.(flate.Resetter).Reset(bytes.NewReader(raw[1:]), valueDict1); err != nil {
		return nil, err
	}
	out := buf[:0]
	if cap(out) < 3*len(raw) {
		out = make([]byte, 0, 3*len(raw))
	}
	for {
		if len(out) == cap(out) {
			out = append(out, 0)[:len(out)]
		}
		n, err := r.Read(out[len(out):cap(out)])
		out = out[:len(out)+n]
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// Records of a write transaction are deflated off the writer's path:
// Tx.encode gives plain JSON (a valid stored value, which reads in the same
// transaction understand), Tx.putJSON writes it and queues it, and
// deflatePending puts each record's deflated form in its place just before
// the commit. Deflating is most of the CPU time of a bulk load (laifang gen
// writes thousands of records a transaction): once a transaction has
// queued enough records, workers on the other cores deflate them while the
// writer goes on, and the commit waits only for the rest.

// deflateWorkersAfter is how many records a transaction queues before it
// starts workers. One: a clerk's save queues four or five records (the
// case alone takes some 60 µs to deflate, 20 µs with zstd), and a worker deflates the first
// ones while the save writes its indexes and timeline, so that the commit
// waits for less.
const deflateWorkersAfter = 1

type pendingRecord struct {
	b           *bolt.Bucket
	key, js, zs []byte
}

type deflateQueue struct {
	recs []*pendingRecord
	work chan *pendingRecord // nil until workers run
	wg   sync.WaitGroup
}

// encode makes the JSON or MessagePack of a record that putJSON will
// write.
func (tx *Tx) encode(v any) ([]byte, error) { return marshal(v) }

// putJSON writes the JSON of a record and queues it to be compressed.
func (tx *Tx) putJSON(b *bolt.Bucket, key, js []byte) error {
	if err := b.Put(key, js); err != nil {
		return err
	}
	if len(js) < 48 {
		return nil // squeeze would keep it
	}
	q := &tx.deflate
	r := &pendingRecord{b: b, key: key, js: js}
	q.recs = append(q.recs, r)
	if q.work == nil && len(q.recs) >= deflateWorkersAfter {
		q.work = make(chan *pendingRecord, 4096)
		for range runtime.GOMAXPROCS(0) {
			q.wg.Add(1)
			go func() {
				defer q.wg.Done()
				for r := range q.work {
					r.zs = squeeze(r.js)
				}
			}()
		}
		for _, r := range q.recs[:len(q.recs)-1] {
			q.work <- r
		}
	}
	if q.work != nil {
		q.work <- r
	}
	return nil
}

// deflatePending deflates what the workers have not taken, waits for them, and
// writes each deflated record whose value is still the JSON it was made
// from (a record written twice keeps the later form).
func (tx *Tx) deflatePending() error {
	q := &tx.deflate
	if q.work != nil {
		close(q.work)
		// Take what the workers have not started, rather than wait for a
		// worker that a busy machine has not scheduled yet.
		for r := range q.work {
			r.zs = squeeze(r.js)
		}
		q.wg.Wait()
	}
	recs := q.recs
	tx.deflate = deflateQueue{}
	for _, r := range recs {
		if r.zs == nil {
			r.zs = squeeze(r.js)
		}
		if len(r.zs) >= len(r.js) {
			continue // squeeze kept the JSON
		}
		if v := r.b.Get(r.key); !bytes.Equal(v, r.js) {
			continue // deleted or written again since
		}
		if err := r.b.Put(r.key, r.zs); err != nil {
			return err
		}
	}
	return nil
}

// abandonDeflate stops the workers of a transaction that rolls back.
func (tx *Tx) abandonDeflate() {
	if q := &tx.deflate; q.work != nil {
		close(q.work)
		q.wg.Wait()
	}
	tx.deflate = deflateQueue{}
}
