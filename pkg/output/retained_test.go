package output

import "reflect"

// retainedBytes is the memory reachable from v: slice capacities, string
// bytes and map entries, followed through pointers and interfaces, each
// object counted once. Functions are opaque and count nothing, so it is a
// lower bound, and a deterministic one: it reads the data structure, not
// the allocator.
func retainedBytes(v any) int {
	w := retainedWalker{seen: map[uintptr]bool{}}
	return w.indirect(reflect.ValueOf(v))
}

type retainedWalker struct{ seen map[uintptr]bool }

// indirect is what v points to, beyond v's own size.
func (w retainedWalker) indirect(v reflect.Value) int {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || w.once(v.Pointer()) {
			return 0
		}
		return int(v.Type().Elem().Size()) + w.indirect(v.Elem())
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		if e.Kind() == reflect.Pointer {
			return w.indirect(e)
		}
		return int(e.Type().Size()) + w.indirect(e)
	case reflect.Struct:
		n := 0
		for i := 0; i < v.NumField(); i++ {
			n += w.indirect(v.Field(i))
		}
		return n
	case reflect.Array:
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += w.indirect(v.Index(i))
		}
		return n
	case reflect.Slice:
		if v.IsNil() || w.once(v.Pointer()) {
			return 0
		}
		n := v.Cap() * int(v.Type().Elem().Size())
		for i := 0; i < v.Len(); i++ {
			n += w.indirect(v.Index(i))
		}
		return n
	case reflect.String:
		return v.Len()
	case reflect.Map:
		if v.IsNil() || w.once(v.Pointer()) {
			return 0
		}
		n := v.Len() * int(v.Type().Key().Size()+v.Type().Elem().Size())
		for it := v.MapRange(); it.Next(); {
			n += w.indirect(it.Key()) + w.indirect(it.Value())
		}
		return n
	}
	return 0
}

// once reports whether p was seen before, and marks it seen.
func (w retainedWalker) once(p uintptr) bool {
	if w.seen[p] {
		return true
	}
	w.seen[p] = true
	return false
}
