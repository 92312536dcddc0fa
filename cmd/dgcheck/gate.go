package main

import (
	"errors"
	"io/fs"
	"os"

	"github.com/dgcheck/dgcheck/rules"
)

// gateConfig reads the configuration a check runs under: the --config file, else
// dgcheck.yaml in the working directory, else none; --profile then overrides its profile.
// A nil result runs every rule as its annotations say.
func gateConfig(path, profile string) (*rules.Config, error) {
	if path == "" {
		if _, err := os.Stat(rules.ConfigFile); err == nil {
			path = rules.ConfigFile
		} else if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	var cfg *rules.Config
	if path != "" {
		var err error
		if cfg, err = rules.ReadConfig(path); err != nil {
			return nil, err
		}
	}
	if profile != "" {
		if cfg == nil {
			cfg = &rules.Config{Path: "--profile"}
		}
		cfg.Profile = profile
	}
	return cfg, nil
}

// checkProfileName rejects an unknown --profile before any file is read, listing the known.
func checkProfileName(name string) error {
	if name == "" {
		return nil
	}
	profiles, err := rules.Profiles()
	if err != nil {
		return err
	}
	_, err = rules.FindProfile(profiles, name)
	return err
}
