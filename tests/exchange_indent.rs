#![cfg(not(target_arch = "wasm32"))]
//! Plan files are written compact and indented afterwards; the layout must be byte for byte
//! serde_json's pretty printer's, so files written before and after read and diff the same.

use proptest::prelude::*;
use serde_json::Value;
use waymark::exchange::format::indent;

fn value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e9f64..1e9).prop_map(Value::from),
        // Quotes, backslashes, braces, commas and colons inside strings, escapes and non-ASCII.
        "[a\"\\\\{}\\[\\],: \n\té🎉]{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            proptest::collection::btree_map("[a\"{:,]{0,3}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn same_as_pretty(v: &Value) {
    let compact = serde_json::to_vec(v).unwrap();
    assert_eq!(
        String::from_utf8(indent(&compact)).unwrap(),
        String::from_utf8(serde_json::to_vec_pretty(v).unwrap()).unwrap()
    );
}

#[test]
fn empty_and_nested_containers_strings_and_escapes() {
    let v: Value = serde_json::from_str(
        r#"{"a": [], "b": {}, "c": [[], {}, [1, [2, {"d": "x\"}],\\"}]]],
            "e\"{": "é 🎉 \n", "f": null, "g": -1.5e-7}"#,
    )
    .unwrap();
    same_as_pretty(&v);
}

proptest! {
    #[test]
    fn indenting_compact_json_is_serde_jsons_pretty_layout(v in value()) {
        let compact = serde_json::to_vec(&v).unwrap();
        prop_assert_eq!(indent(&compact), serde_json::to_vec_pretty(&v).unwrap());
    }
}
