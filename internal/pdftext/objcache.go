package pdftext

// A cache of resolved indirect objects. The PDF library parses an object
// again each time a Value.Key or Value.Index reaches it through a
// reference, and inflates the whole object stream it sits in: the page
// tree node above 500 pages (with its 500 Kids) for every page's
// inherited MediaBox and Resources, a font's resource dictionary for
// every font name a page selects. The library keeps no cache and shows no
// object numbers, so refOf reads the reference an entry holds (its object
// and generation numbers) from the library's unexported fields by
// reflection, and objCache keeps the Value that resolving it gave. A
// reference resolves to the same Value every time (the library parses the
// same bytes and mutates nothing it returns), so a cached lookup reads
// exactly as an uncached one. Should a newer library store its values
// differently, refOf finds no reference and every lookup goes to the
// library uncached (TestRefOf fails first).

import (
	"reflect"

	"github.com/ledongthuc/pdf"
)

// ref is an indirect reference: object and generation number.
type ref struct {
	id  uint32
	gen uint16
}

// The reflect types refOf relies on, checked once: pdf.Value is a struct
// whose data field holds the parsed object, a dictionary is a map with
// string keys, and a reference is a struct of a uint32 id and a uint16
// generation.
var valueData = func() int {
	t := reflect.TypeFor[pdf.Value]()
	if f, ok := t.FieldByName("data"); ok && f.Type.Kind() == reflect.Interface {
		return f.Index[0]
	}
	return -1
}()

// refOf returns the reference that the entry key of the dictionary (or
// stream) v holds, without resolving it; ok is false when the entry is a
// direct object, missing, or v is no dictionary.
func refOf(v pdf.Value, key string) (r ref, ok bool) {
	if valueData < 0 {
		return ref{}, false
	}
	d := reflect.ValueOf(v).Field(valueData).Elem()
	if d.Kind() == reflect.Struct { // a stream: its header dictionary
		d = d.FieldByName("hdr")
	}
	if d.Kind() != reflect.Map || d.Type().Key().Kind() != reflect.String {
		return ref{}, false
	}
	e := d.MapIndex(reflect.ValueOf(key).Convert(d.Type().Key()))
	if !e.IsValid() {
		return ref{}, false
	}
	return refValue(e.Elem())
}

// refAt returns the reference that element i of the array v holds, as
// refOf does for a dictionary's entry.
func refAt(v pdf.Value, i int) (r ref, ok bool) {
	if valueData < 0 {
		return ref{}, false
	}
	d := reflect.ValueOf(v).Field(valueData).Elem()
	if d.Kind() != reflect.Slice || i < 0 || i >= d.Len() {
		return ref{}, false
	}
	return refValue(d.Index(i).Elem())
}

// refValue reads a reference out of a parsed object: a struct of exactly
// a uint32 and a uint16 field.
func refValue(x reflect.Value) (ref, bool) {
	if x.Kind() != reflect.Struct || x.NumField() != 2 ||
		x.Field(0).Kind() != reflect.Uint32 || x.Field(1).Kind() != reflect.Uint16 {
		return ref{}, false
	}
	return ref{uint32(x.Field(0).Uint()), uint16(x.Field(1).Uint())}, true
}

// An objCache holds the resolved objects of one document that were looked
// up more than once, by reference: a page tree node, a font, a form drawn
// twice. An object looked up once (most of a page's own: its resources,
// its contents) is only noted as seen, so that memory grows with what the
// pages share, not with their count. Both are bounded (maxSeen, maxCached):
// past a bound, lookups go to the library uncached.
type objCache struct {
	seen map[ref]bool
	vals map[ref]pdf.Value
}

// Bounds of an objCache: references noted (a few bytes each) and
// objects kept.
const (
	maxSeen   = 1 << 16
	maxCached = 4096
)

func newObjCache() *objCache {
	return &objCache{seen: map[ref]bool{}, vals: map[ref]pdf.Value{}}
}

// key is v.Key(k), resolved once per reference that is looked up again.
func (c *objCache) key(v pdf.Value, k string) pdf.Value {
	r, ok := refOf(v, k)
	return c.lookup(r, ok, false, func() pdf.Value { return v.Key(k) })
}

// keepKey is key for an object known to be looked up again (the page
// tree's top and first page, which opening a file reads before the
// pages are listed): kept from its first lookup.
func (c *objCache) keepKey(v pdf.Value, k string) pdf.Value {
	r, ok := refOf(v, k)
	return c.lookup(r, ok, true, func() pdf.Value { return v.Key(k) })
}

// index is v.Index(i) as key is v.Key(k); keep as in keepKey.
func (c *objCache) index(v pdf.Value, i int, keep bool) pdf.Value {
	r, ok := refAt(v, i)
	return c.lookup(r, ok, keep, func() pdf.Value { return v.Index(i) })
}

// lookup returns the object of reference r (when ok), resolving it with
// resolve unless it is cached, and caches it the second time it is looked
// up, or the first when keep is set; resolve's own value when !ok.
func (c *objCache) lookup(r ref, ok, keep bool, resolve func() pdf.Value) pdf.Value {
	if !ok {
		return resolve()
	}
	if x, ok := c.vals[r]; ok {
		return x
	}
	x := resolve()
	switch {
	case (keep || c.seen[r]) && len(c.vals) < maxCached:
		c.vals[r] = x
	case len(c.seen) < maxSeen:
		c.seen[r] = true
	}
	return x
}
