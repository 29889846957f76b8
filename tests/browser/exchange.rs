//! Passphrase-protected plan files through the browser's real WebCrypto: sealing and opening,
//! a wrong passphrase, a changed byte anywhere, no plaintext left in the sealed file, and the
//! envelope naming the sealed file's own version (a file sealed by a version-1 build opens).

use chrono::{TimeZone, Utc};
use wasm_bindgen_test::wasm_bindgen_test;
use waymark::core::journal::ReflectionDraft;
use waymark::core::sample::sample_plan;
use waymark::core::Author;
use waymark::exchange::crypto::{
    decrypt_plan_file, encrypt_plan_file, is_encrypted, parse_envelope, CryptoError,
};
use waymark::exchange::{export_plan, parse_plan_file, ImportError};

const SECRET: &str = "Private thought: I might quit before the offer comes";
const WRONG: &str = "The passphrase is wrong, or the file was changed after it was exported.";

fn exported() -> waymark::exchange::ExportedFile {
    let now = Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).unwrap();
    let mut plan = sample_plan(now).unwrap();
    plan.add_reflection(
        ReflectionDraft {
            text: SECRET.into(),
            private: true,
            ..ReflectionDraft::default()
        },
        now,
        Author::Client,
    )
    .unwrap();
    export_plan(&plan, now, Author::Client)
}

#[wasm_bindgen_test]
async fn a_sealed_file_opens_with_its_passphrase_and_hides_its_content() {
    let plain = exported();
    let sealed = encrypt_plan_file(&plain, "correct horse battery staple")
        .await
        .unwrap();
    assert_eq!(sealed.file_name, plain.file_name);
    assert!(is_encrypted(&sealed.bytes));
    let text = String::from_utf8(sealed.bytes.clone()).unwrap();
    for leak in [SECRET, "Maya", "UX research", "reflections", "goals"] {
        assert!(!text.contains(leak), "sealed file shows {leak:?}");
    }
    assert_eq!(
        parse_plan_file(&sealed.bytes).unwrap_err(),
        ImportError::NeedsPassphrase
    );

    let opened = decrypt_plan_file(&sealed.bytes, "correct horse battery staple")
        .await
        .unwrap();
    assert_eq!(opened, parse_plan_file(&plain.bytes).unwrap());
    assert!(opened
        .plan
        .reflections
        .iter()
        .any(|r| r.fields.text == SECRET));

    // The envelope names the sealed file's version: this one holds a reflection's author,
    // which came with version 2.
    assert_eq!(opened.source_version, 2);
    assert_eq!(parse_envelope(&sealed.bytes).unwrap().version, 2);

    // Two seals of the same file differ (fresh salt and nonce).
    let again = encrypt_plan_file(&plain, "correct horse battery staple")
        .await
        .unwrap();
    assert_ne!(again.bytes, sealed.bytes);
}

#[wasm_bindgen_test]
async fn a_wrong_passphrase_or_any_changed_byte_is_refused_clearly() {
    let sealed = encrypt_plan_file(&exported(), "right").await.unwrap();
    let err = decrypt_plan_file(&sealed.bytes, "wrong").await.unwrap_err();
    assert_eq!(err.to_string(), WRONG);

    let text = String::from_utf8(sealed.bytes.clone()).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    let flip = |s: &str, at: usize| {
        let mut b: Vec<u8> = s.bytes().collect();
        b[at] = if b[at] == b'A' { b'B' } else { b'A' };
        String::from_utf8(b).unwrap()
    };
    let mut tampered = Vec::new();
    for field in ["ciphertext", "nonce", "salt"] {
        let s = value["encrypted"][field].as_str().unwrap().to_owned();
        for at in [0, s.len() / 2, s.len().saturating_sub(4)] {
            let mut v = value.clone();
            v["encrypted"][field] = serde_json::json!(flip(&s, at));
            tampered.push(serde_json::to_vec(&v).unwrap());
        }
    }
    let mut v = value.clone();
    v["kind"] = serde_json::json!("template");
    tampered.push(serde_json::to_vec(&v).unwrap());
    for bad in tampered {
        let err = decrypt_plan_file(&bad, "right").await.unwrap_err();
        assert_eq!(err.to_string(), WRONG);
    }
    assert_eq!(
        encrypt_plan_file(&exported(), "").await.unwrap_err(),
        CryptoError::EmptyPassphrase
    );
}

#[wasm_bindgen_test]
async fn a_change_to_any_byte_of_a_sealed_file_is_refused() {
    let sealed = encrypt_plan_file(&exported(), "right").await.unwrap();
    let bytes = sealed.bytes;
    let text = String::from_utf8(bytes.clone()).unwrap();
    // Every byte of the readable header and the salt/nonce/iteration fields, and 64 spread
    // through the ciphertext (each of those costs a full key derivation).
    let cipher_start = text.find("\"ciphertext\"").unwrap() + "\"ciphertext\": \"".len();
    let cipher_end = cipher_start + text[cipher_start..].find('"').unwrap();
    let step = ((cipher_end - cipher_start) / 64).max(1);
    let positions = (0..cipher_start)
        .chain((cipher_start..cipher_end).step_by(step))
        .chain(cipher_end..bytes.len());
    let mut checked = 0;
    for at in positions {
        let mut changed = bytes.clone();
        changed[at] ^= 0x01;
        if decrypt_plan_file(&changed, "right").await.is_ok() {
            panic!(
                "a change at byte {at} ({:?} → {:?}) was accepted",
                bytes[at] as char, changed[at] as char
            );
        }
        checked += 1;
    }
    assert!(checked > 100, "{checked} positions checked");
}

/// The first published sample, sealed with "correct horse battery staple" as version-1 builds
/// sealed (additional data `waymark-plan/1/plan`; made once with Node's WebCrypto).
const SEALED_V1: &[u8] = include_bytes!("../fixtures/plan-files/sealed/v1-sample.waymark.json");
const PLAIN_V1: &[u8] = include_bytes!("../fixtures/plan-files/v1-sample.waymark.json");

#[wasm_bindgen_test]
async fn a_file_sealed_by_a_version_1_build_opens_and_a_version_1_file_is_sealed_as_one() {
    assert_eq!(parse_envelope(SEALED_V1).unwrap().version, 1);
    let opened = decrypt_plan_file(SEALED_V1, "correct horse battery staple")
        .await
        .unwrap();
    assert_eq!(opened, parse_plan_file(PLAIN_V1).unwrap());
    assert_eq!(opened.source_version, 1);
    let err = decrypt_plan_file(SEALED_V1, "correct horse")
        .await
        .unwrap_err();
    assert_eq!(err.to_string(), WRONG);

    // Sealed again by this build, a plan that holds nothing newer stays version 1 inside and out,
    // so a version-1 build still opens it.
    let now = Utc.with_ymd_and_hms(2025, 3, 11, 9, 0, 0).unwrap();
    let plain = export_plan(&opened.plan, now, Author::Client);
    let sealed = encrypt_plan_file(&plain, "correct horse battery staple")
        .await
        .unwrap();
    assert_eq!(parse_envelope(&sealed.bytes).unwrap().version, 1);
    let again = decrypt_plan_file(&sealed.bytes, "correct horse battery staple")
        .await
        .unwrap();
    assert_eq!(again.source_version, 1);
    assert_eq!(again.plan, opened.plan);
}
