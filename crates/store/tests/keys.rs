//! The instance's key record: written whole once, wrapped again whole, never half; a stale or
//! partial rewrap changes nothing; each change is in the log. Run on every backend.

#![allow(clippy::unwrap_used, clippy::expect_used, reason = "tests")]

use std::sync::Arc;

use accord_store::{NewVaultKeys, Rewrap, RewrapReason, Store, StoreError};

/// A fresh, empty store on every backend (SQLite, and PostgreSQL when `ACCORD_TEST_POSTGRES_URL`
/// names a server); the guard keeps the temporary directory alive.
async fn backends() -> Vec<(Arc<dyn Store>, tempfile::TempDir)> {
    accord_store::testing::every_backend(|| tempfile::tempdir().unwrap())
        .await
        .unwrap()
}

fn new_keys() -> NewVaultKeys {
    NewVaultKeys {
        instance_recipient: "age1pq1instance".into(),
        recovery_recipient: "age1pq1recovery".into(),
        recovery_threshold: 3,
        recovery_shares: 5,
        data_keys: vec![(1, vec![1, 2, 3]), (2, vec![4, 5])],
    }
}

async fn actions(store: &dyn Store) -> Vec<String> {
    store
        .log_entries(0, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|(e, _)| e.action)
        .collect()
}

#[tokio::test]
async fn keys_are_stored_once_and_read_back() {
    for (store, _guard) in backends().await {
        assert_eq!(store.vault_keys().await.unwrap(), None);
        store.init_vault_keys(&new_keys(), "cli").await.unwrap();
        let stored = store.vault_keys().await.unwrap().unwrap();
        assert_eq!(stored.instance_recipient, "age1pq1instance");
        assert_eq!(stored.recovery_recipient, "age1pq1recovery");
        assert_eq!((stored.recovery_threshold, stored.recovery_shares), (3, 5));
        assert_eq!(stored.rewrapped_at, None);
        let keys: Vec<(u32, Vec<u8>)> = stored
            .data_keys
            .iter()
            .map(|k| (k.id, k.wrapped.clone()))
            .collect();
        assert_eq!(keys, new_keys().data_keys);
        assert_eq!(actions(store.as_ref()).await, ["keys.init"]);

        let again = NewVaultKeys {
            instance_recipient: "age1pq1other".into(),
            ..new_keys()
        };
        let err = store.init_vault_keys(&again, "cli").await.unwrap_err();
        assert!(
            matches!(
                err,
                StoreError::Exists {
                    what: "instance keys",
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(store.vault_keys().await.unwrap().unwrap(), stored);
        assert_eq!(
            actions(store.as_ref()).await,
            ["keys.init"],
            "nothing logged"
        );
    }
}

#[tokio::test]
async fn a_rewrap_replaces_every_wrapping_or_none() {
    for (store, _guard) in backends().await {
        store.init_vault_keys(&new_keys(), "cli").await.unwrap();
        let before = store.vault_keys().await.unwrap().unwrap();
        let rewrap = Rewrap {
            from_instance_recipient: "age1pq1instance".into(),
            instance_recipient: "age1pq1new".into(),
            data_keys: vec![(2, vec![9]), (1, vec![8, 8])],
            reason: RewrapReason::Rotate,
        };
        for (bad, why) in [
            (
                Rewrap {
                    from_instance_recipient: "age1pq1stale".into(),
                    ..rewrap.clone()
                },
                "the instance key changed",
            ),
            (
                Rewrap {
                    data_keys: vec![(1, vec![8])],
                    ..rewrap.clone()
                },
                "the data keys changed",
            ),
            (
                Rewrap {
                    data_keys: vec![(1, vec![8]), (2, vec![9]), (3, vec![7])],
                    ..rewrap.clone()
                },
                "the data keys changed",
            ),
        ] {
            let err = store.rewrap_vault_keys(&bad, "cli").await.unwrap_err();
            assert!(
                matches!(err, StoreError::Conflict(_)) && err.to_string().contains(why),
                "{err}"
            );
            assert_eq!(store.vault_keys().await.unwrap().unwrap(), before);
        }
        assert_eq!(actions(store.as_ref()).await, ["keys.init"]);

        store.rewrap_vault_keys(&rewrap, "cli").await.unwrap();
        let after = store.vault_keys().await.unwrap().unwrap();
        assert_eq!(after.instance_recipient, "age1pq1new");
        assert_eq!(after.recovery_recipient, before.recovery_recipient);
        assert!(after.rewrapped_at.is_some());
        let wrapped: Vec<(u32, Vec<u8>)> = after
            .data_keys
            .iter()
            .map(|k| (k.id, k.wrapped.clone()))
            .collect();
        assert_eq!(wrapped, [(1, vec![8, 8]), (2, vec![9])]);

        let recover = Rewrap {
            from_instance_recipient: "age1pq1new".into(),
            instance_recipient: "age1pq1recovered".into(),
            reason: RewrapReason::Recover,
            ..rewrap
        };
        store.rewrap_vault_keys(&recover, "cli").await.unwrap();
        assert_eq!(
            actions(store.as_ref()).await,
            ["keys.init", "keys.rotate", "keys.recover"]
        );
    }
}

#[tokio::test]
async fn a_rewrap_without_keys_is_refused() {
    for (store, _guard) in backends().await {
        let err = store
            .rewrap_vault_keys(
                &Rewrap {
                    from_instance_recipient: "a".into(),
                    instance_recipient: "b".into(),
                    data_keys: vec![],
                    reason: RewrapReason::Rotate,
                },
                "cli",
            )
            .await
            .unwrap_err();
        assert!(matches!(err, StoreError::NotFound { .. }), "{err}");
        assert!(actions(store.as_ref()).await.is_empty());
    }
}
