"""Study sessions over each pattern's Practice Scenarios: cards, FSRS scheduling, feedback, progress."""
