//! Undo and redo as a list of inverse commands, with gestures: a drag is one
//! history entry however many moves it makes, and can be abandoned.

use crate::command::{Command, EditError};
use crate::design::Design;
use crate::id::ItemRef;

/// How many entries the undo list keeps before dropping the oldest.
pub const HISTORY_LIMIT: usize = 500;

#[derive(Clone, Debug, PartialEq)]
struct Entry {
    label: String,
    /// Applying this undoes (or, on the redo list, redoes) the entry.
    command: Command,
}

/// Undo/redo stacks for one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: Vec<Entry>,
    redo: Vec<Entry>,
    /// An open gesture: its edits are squashed into one entry.
    gesture: Option<Entry>,
}

impl History {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies `command` to `design` and records it. Inside a gesture the edit
    /// joins the gesture's single entry.
    pub fn apply(&mut self, design: &mut Design, command: Command, label: &str) -> Result<(), EditError> {
        let inverse = command.apply(design)?;
        if inverse.is_empty() {
            return Ok(());
        }
        self.redo.clear();
        match &mut self.gesture {
            Some(entry) => {
                let earlier = std::mem::replace(&mut entry.command, Command::Batch(Vec::new()));
                entry.command = squash(inverse, earlier);
            }
            None => {
                self.undo.push(Entry { label: label.to_owned(), command: inverse });
                if self.undo.len() > HISTORY_LIMIT {
                    self.undo.remove(0);
                }
            }
        }
        Ok(())
    }

    /// Starts a gesture (e.g. a drag). Later edits until [`History::commit`]
    /// become one undo step. A gesture already open is committed first.
    pub fn begin(&mut self, label: &str) {
        self.commit();
        self.gesture = Some(Entry { label: label.to_owned(), command: Command::Batch(Vec::new()) });
    }

    /// Ends the open gesture, recording it as one entry if it changed anything.
    pub fn commit(&mut self) {
        if let Some(entry) = self.gesture.take() {
            if !entry.command.is_empty() {
                self.undo.push(entry);
                if self.undo.len() > HISTORY_LIMIT {
                    self.undo.remove(0);
                }
            }
        }
    }

    /// Abandons the open gesture, restoring the design as it was when it began.
    pub fn cancel(&mut self, design: &mut Design) {
        if let Some(entry) = self.gesture.take() {
            // The inverse was produced from this very state, so it applies cleanly.
            let _ = entry.command.apply(design);
        }
    }

    pub fn in_gesture(&self) -> bool {
        self.gesture.is_some()
    }

    /// Undoes the latest entry; returns its label, or `None` if there is nothing to undo.
    pub fn undo(&mut self, design: &mut Design) -> Option<String> {
        self.commit();
        let entry = self.undo.pop()?;
        match entry.command.apply(design) {
            Ok(redo) => {
                self.redo.push(Entry { label: entry.label.clone(), command: redo });
                Some(entry.label)
            }
            // Cannot happen while every edit goes through this history; drop the entry.
            Err(_) => None,
        }
    }

    /// Redoes the latest undone entry.
    pub fn redo(&mut self, design: &mut Design) -> Option<String> {
        self.commit();
        let entry = self.redo.pop()?;
        match entry.command.apply(design) {
            Ok(undo) => {
                self.undo.push(Entry { label: entry.label.clone(), command: undo });
                Some(entry.label)
            }
            Err(_) => None,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty() || self.gesture.as_ref().is_some_and(|g| !g.command.is_empty())
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    /// Label of the entry [`History::undo`] would undo.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|e| e.label.as_str())
    }
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|e| e.label.as_str())
    }
    /// Forgets everything (e.g. after opening another design).
    pub fn clear(&mut self) {
        *self = Self::default();
    }
}

/// Combines the inverse of a later edit with the inverse of earlier ones so that
/// applying the result undoes both. Moves merge item by item (the earliest
/// position wins), so a long drag keeps one position per item.
fn squash(later: Command, earlier: Command) -> Command {
    match (later, earlier) {
        (Command::Move { moves: late }, Command::Move { moves: mut early }) => {
            let known: std::collections::HashSet<ItemRef> = early.iter().map(|(i, _)| i.clone()).collect();
            early.extend(late.into_iter().filter(|(i, _)| !known.contains(i)));
            Command::Move { moves: early }
        }
        (later, Command::Batch(early)) if early.is_empty() => later,
        (later, Command::Batch(mut early)) => {
            early.insert(0, later);
            Command::Batch(early)
        }
        (later, earlier) => Command::Batch(vec![later, earlier]),
    }
}
