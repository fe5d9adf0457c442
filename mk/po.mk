# po.mk - the message catalogues (gettext): po/LANG.po is compiled into
# po/locale/LANG/LC_MESSAGES/fu.mo, where FU_LOCALEDIR=$PWD/po/locale finds
# it before installing (the tests do), and make install puts it under
# LOCALEDIR.  make po regenerates the template from the sources and merges
# it into each catalogue; tests/cli/0730-catalogue.t fails when one falls
# behind (tools/po check).

LINGUAS = es
MO = $(LINGUAS:%=po/locale/%/LC_MESSAGES/fu.mo)

all: $(MO)

po/locale/%/LC_MESSAGES/fu.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ po/$*.po

po:
	tools/po pot po/fu.pot
	for l in $(LINGUAS); do \
		msgmerge --quiet --update --backup=none --no-fuzzy-matching \
		    po/$$l.po po/fu.pot || exit 1; \
	done

install-po: $(MO)
	for l in $(LINGUAS); do \
		mkdir -p $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
		install -m 0644 po/locale/$$l/LC_MESSAGES/fu.mo \
		    $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/fu.mo || exit 1; \
	done

clean-po:
	rm -rf po/locale

.PHONY: po install-po clean-po
